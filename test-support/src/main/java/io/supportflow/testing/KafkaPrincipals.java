package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The principals of a Strimzi KafkaUser file (deploy/kubernetes/strimzi-users.yaml), made on a broker that enforces
 * ACLs ({@link KafkaBroker#withAcls()}): each user gets a SCRAM-SHA-512 login of its own and exactly the ACLs the
 * file gives it, so that tests run against the rights a cluster would enforce.
 */
public final class KafkaPrincipals {

    private final KafkaBroker broker;
    private final List<String> names;

    private KafkaPrincipals(KafkaBroker broker, List<String> names) {
        this.broker = broker;
        this.names = List.copyOf(names);
    }

    /** Makes every user of {@code strimziUsers} on {@code broker}, through its open listener. */
    public static KafkaPrincipals createFrom(Path strimziUsers, KafkaBroker broker) {
        List<String> names = new ArrayList<>();
        List<UserScramCredentialAlteration> logins = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (JsonNode user : usersOf(strimziUsers)) {
            String name = user.at("/metadata/name").asText();
            names.add(name);
            logins.add(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), passwordOf(name)));
            user.at("/spec/authorization/acls").forEach(acl -> acls.addAll(bindingsOf(name, acl)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(logins).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot make the users of " + strimziUsers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted making the users of " + strimziUsers, e);
        }
        return new KafkaPrincipals(broker, names);
    }

    public List<String> names() {
        return names;
    }

    /** A Kafka client's settings to log in as {@code user} on the broker's SCRAM listener. */
    public Properties clientSettings(String user) {
        Properties settings = new Properties();
        clientEnvironment(user).forEach((name, value) ->
                settings.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value));
        return settings;
    }

    /** The same as a service's environment: what the ConfigMap and the user's Secret give it on the cluster. */
    public Map<String, String> clientEnvironment(String user) {
        requireKnown(user);
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.scramBootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + passwordOf(user) + "\";");
    }

    private void requireKnown(String user) {
        if (!names.contains(user)) {
            throw new IllegalArgumentException("No Kafka user " + user + " (known: " + names + ")");
        }
    }

    private static List<JsonNode> usersOf(Path strimziUsers) {
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(strimziUsers.toFile())) {
            return documents.readAll().stream()
                    .filter(document -> document != null && "KafkaUser".equals(document.path("kind").asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + strimziUsers, e);
        }
    }

    private static List<AclBinding> bindingsOf(String user, JsonNode acl) {
        ResourcePattern resource = new ResourcePattern(
                ResourceType.fromString(acl.at("/resource/type").asText()),
                acl.at("/resource/name").asText(),
                "prefix".equals(acl.at("/resource/patternType").asText()) ? PatternType.PREFIXED : PatternType.LITERAL);
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode operation : acl.path("operations")) {
            AclOperation granted = AclOperation.fromString(operation.asText().toUpperCase(Locale.ROOT));
            if (granted == AclOperation.UNKNOWN || resource.resourceType() == ResourceType.UNKNOWN) {
                throw new IllegalArgumentException("Not a Kafka ACL of " + user + ": " + acl);
            }
            bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user, "*", granted,
                    AclPermissionType.ALLOW)));
        }
        return bindings;
    }

    private static String passwordOf(String user) {
        return "secret-of-" + user;
    }
}
