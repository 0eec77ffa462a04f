package io.supportflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes resources as files hold them: this module's {@code kubernetes/} folder, and each service's
 * manifests as its package build wrote them. The tests run in this module's folder, beside the services'.
 */
final class Resources {

    /** The five services, test-support's list, as a JUnit field source. */
    static final String SERVICES = "io.supportflow.testing.ProcessStack#SERVICES";

    private static final YAMLMapper YAML = new YAMLMapper();
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** The Kafka principals and their ACLs. */
    static final Path STRIMZI_USERS = ROOT.resolve("deploy/kubernetes/strimzi-users.yaml");

    private Resources() {
    }

    /** Every resource of the YAML files in this module's {@code kubernetes/} folder. */
    static List<JsonNode> ofThisModule() {
        try (var files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            List<JsonNode> resources = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(read(file));
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What quarkus-kubernetes wrote for {@code service} when it was packaged. */
    static List<JsonNode> ofService(String service) {
        return read(ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml"));
    }

    /** The resources of {@code kind}, and of that name when {@code name} is not null. */
    static List<JsonNode> find(List<JsonNode> resources, String kind, String name) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.path("kind").asText()))
                .filter(resource -> name == null || name.equals(resource.path("metadata").path("name").asText()))
                .toList();
    }

    static JsonNode one(List<JsonNode> resources, String kind, String name) {
        List<JsonNode> found = find(resources, kind, name);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** The service's own configuration (src/main/resources/application.properties). */
    static Properties configurationOf(String service) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(document -> document != null && !document.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
