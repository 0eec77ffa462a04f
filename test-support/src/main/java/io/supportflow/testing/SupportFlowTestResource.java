package io.supportflow.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Wires a service under test to real infrastructure: the shared Kafka broker and SMTP
 * server of this JVM, and a fresh PostgreSQL database for each application start.
 * Use with {@code @WithTestResource(SupportFlowTestResource.class)}; the database name
 * prefix is taken from {@code quarkus.application.name}.
 */
public class SupportFlowTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        String service = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("service");
        database = TestDatabase.create(service.replace("-service", "").replace('-', '_'));
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", SharedInfrastructure.broker().bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(SharedInfrastructure.mail().port()));
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
