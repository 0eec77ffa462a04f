package io.supportflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Writes down every status a service's {@code @QuarkusTest}s provoke, with the request's method and path, in
 * {@value #FILE_NAME} of the module's build directory; {@link DocumentedStatusesContract} later checks each against
 * the OpenAPI description. A file, not memory: Quarkus starts the application anew for each test profile, and the
 * check runs in a test run of its own. The run that records starts the file afresh, once per JVM.
 */
@ApplicationScoped
public class ProvokedStatuses {

    static final String FILE_NAME = "provoked-statuses.tsv";
    static final Path FILE = Path.of("target", FILE_NAME);
    /** Set in the test run that checks (the openapi-coverage execution of the parent pom): it only reads. */
    static final String CHECKING = "supportflow.openapi.coverage";
    private static final String STARTED = "supportflow.provoked-statuses.started";

    void record(@Observes Router router) {
        if (System.getProperty(CHECKING) != null) {
            return;
        }
        startFreshOncePerRun();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String method = context.request().method().name();
            String path = context.normalizedPath();
            context.addEndHandler(ended -> {
                if (ended.succeeded()) {
                    append(method + "\t" + path + "\t" + context.response().getStatusCode());
                }
            });
            context.next();
        });
    }

    private static synchronized void startFreshOncePerRun() {
        if (System.getProperty(STARTED) != null) {
            return;
        }
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(STARTED, "true");
    }

    private static synchronized void append(String line) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
