package io.supportflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's root (where devstack lives) from any module's working directory. */
public final class Workspace {

    private Workspace() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("devstack").resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No SupportFlow checkout above " + Path.of("").toAbsolutePath());
    }

    /** The classpath of devstack's own JVMs (Kafka, mail server), built by its generate-resources phase. */
    public static String devstackClasspath() {
        Path devstack = root().resolve("devstack").resolve("target");
        if (!Files.isDirectory(devstack.resolve("lib")) || !Files.isDirectory(devstack.resolve("classes"))) {
            throw new IllegalStateException("devstack is not built: run ./mvnw -pl devstack compile first");
        }
        return devstack.resolve("classes") + java.io.File.pathSeparator + devstack.resolve("lib") + "/*";
    }

    public static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
