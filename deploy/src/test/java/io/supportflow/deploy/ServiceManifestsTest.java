package io.supportflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each service's manifests as quarkus-kubernetes wrote them at package time: two replicas, probes on the health
 * endpoints the service serves, on the port it listens on, resources, and every setting from the environment.
 */
class ServiceManifestsTest {

    /** How the services' development defaults of keys and passwords are spelt (dev-web-key, ops-dev-password …). */
    private static final Pattern DEVELOPMENT_SECRET = Pattern.compile("(^dev-|-dev-|change-me)");

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void runsTwoReplicasProbedOnTheHealthEndpointsOfThePortItListensOn(String service) {
        JsonNode deployment = Resources.one(Resources.ofService(service), "Deployment", service);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        String listensOn = Resources.configurationOf(service).getProperty("quarkus.http.port");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        JsonNode http = portNamed(container, container.at("/readinessProbe/httpGet/port").asText());
        assertThat(http.path("containerPort").asText()).isEqualTo(listensOn);
        assertThat(portNamed(container, container.at("/livenessProbe/httpGet/port").asText())).isEqualTo(http);
        assertThat(container.path("image").asText()).contains("/supportflow/" + service + ":");
    }

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void asksForResourcesAndTakesItsSettingsFromTheConfigMapAndItsSecrets(String service) {
        JsonNode container = Resources.one(Resources.ofService(service), "Deployment", service)
                .at("/spec/template/spec/containers/0");

        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        List<String> sources = new ArrayList<>();
        container.path("envFrom").forEach(source -> source.fields().forEachRemaining(
                reference -> sources.add(reference.getKey() + ":" + reference.getValue().path("name").asText())));
        assertThat(sources).contains("configMapRef:supportflow", "secretRef:" + service + "-secrets");
        JsonNode kafkaLogin = envNamed(container, "KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef");
        assertThat(kafkaLogin.path("name").asText()).isEqualTo(service);
        assertThat(kafkaLogin.path("key").asText()).isEqualTo("sasl.jaas.config");
    }

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void isReachedThroughAServiceOnItsHttpPort(String service) {
        List<JsonNode> manifests = Resources.ofService(service);
        JsonNode deployment = Resources.one(manifests, "Deployment", service);
        JsonNode serviceResource = Resources.one(manifests, "Service", service);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        serviceResource.at("/spec/selector").fields().forEachRemaining(selector ->
                assertThat(podLabels.path(selector.getKey()).asText()).isEqualTo(selector.getValue().asText()));
        JsonNode port = serviceResource.at("/spec/ports/0");
        JsonNode target = portNamed(container, port.path("targetPort").asText());
        assertThat(target.path("containerPort").asText())
                .isEqualTo(Resources.configurationOf(service).getProperty("quarkus.http.port"));
    }

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void migratesItsDatabaseAtStartRatherThanInAJobANewReleaseCouldNotChange(String service) {
        List<JsonNode> manifests = Resources.ofService(service);
        JsonNode container = Resources.one(manifests, "Deployment", service).at("/spec/template/spec/containers/0");

        assertThat(Resources.find(manifests, "Job", null)).isEmpty();
        assertThat(container.path("env")).noneSatisfy(variable ->
                assertThat(variable.path("name").asText()).isEqualTo("QUARKUS_FLYWAY_ACTIVE"));
        assertThat(Resources.configurationOf(service).getProperty("quarkus.flyway.migrate-at-start")).isEqualTo("true");
    }

    @ParameterizedTest
    @FieldSource(Resources.SERVICES)
    void theExampleSecretHoldsTheDatabaseLoginAndReplacesEveryDevelopmentSecret(String service) {
        JsonNode secret = Resources.one(Resources.ofThisModule(), "Secret", service + "-secrets").path("stringData");
        Properties configuration = Resources.configurationOf(service);

        assertThat(secret.has("QUARKUS_DATASOURCE_JDBC_URL")).isTrue();
        assertThat(secret.has("QUARKUS_DATASOURCE_PASSWORD")).isTrue();
        for (String key : configuration.stringPropertyNames()) {
            if (DEVELOPMENT_SECRET.matcher(configuration.getProperty(key)).find()) {
                String property = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
                assertThat(secret.has(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")))
                        .as("%s of %s (a development value) set by the Secret", property, service).isTrue();
            }
        }
    }

    /** The container port a probe or Service names, by its name or its number. */
    private static JsonNode portNamed(JsonNode container, String nameOrNumber) {
        for (JsonNode port : container.path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText()) || nameOrNumber.equals(port.path("containerPort").asText())) {
                return port;
            }
        }
        throw new AssertionError("No container port " + nameOrNumber + " in " + container.path("ports"));
    }

    private static JsonNode envNamed(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("No environment variable " + name + " in " + container.path("env"));
    }
}
