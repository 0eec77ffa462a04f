package io.supportflow.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Every status a service's tests provoked on an operation of its API ({@link ProvokedStatuses}) is documented for
 * that operation in its OpenAPI description. Runs after the service's other tests (the openapi-coverage execution
 * of the parent pom); requests to paths or methods the description does not have (the framework's 404 and 405,
 * health, metrics) are not operations and are left out.
 */
public abstract class DocumentedStatusesContract {

    @Test
    void everyStatusTheTestsProvokedOnAnOperationIsDocumentedForIt() throws IOException {
        Assumptions.assumeTrue(Files.exists(ProvokedStatuses.FILE), "no other test of this service ran in this build");
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> paths = openApi.getMap("paths");

        List<String> operationsCalled = new ArrayList<>();
        TreeSet<String> undocumented = new TreeSet<>();
        for (String line : Files.readAllLines(ProvokedStatuses.FILE)) {
            String[] provoked = line.split("\t");
            String method = provoked[0].toLowerCase(Locale.ROOT);
            Optional<String> template = OpenApiPaths.templateOf(paths, provoked[1]);
            if (template.isEmpty() || openApi.get(operation(template.get(), method)) == null) {
                continue;
            }
            operationsCalled.add(line);
            Map<String, Object> responses = openApi.getMap(operation(template.get(), method) + ".responses");
            if (responses == null || !responses.containsKey(provoked[2]) && !responses.containsKey("default")) {
                undocumented.add(provoked[0] + " " + template.get() + " " + provoked[2]);
            }
        }
        assertThat(operationsCalled).as("requests to operations of the API").isNotEmpty();
        assertThat(undocumented).as("statuses the tests provoked that the OpenAPI description does not list").isEmpty();
    }

    private static String operation(String template, String method) {
        return "paths.'" + template + "'." + method;
    }
}
