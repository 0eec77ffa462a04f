package io.supportflow.runtime.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportflow.runtime.concurrent.BackgroundLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Deletes published outbox events once they are older than the retention, once a minute. */
@ApplicationScoped
public class OutboxCleanup {

    private static final Duration EVERY = Duration.ofMinutes(1);

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private volatile BackgroundLoop loop = BackgroundLoop.disabled("outbox-cleanup");

    OutboxCleanup(AgroalDataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        loop = BackgroundLoop.start(new BackgroundLoop.Settings("outbox-cleanup", 1, EVERY, EVERY,
                Duration.ofSeconds(5)), this::deletePublished);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    /** By the database's clock, as sent_at is: a service's clock may be moved (in tests) or drift. */
    private BackgroundLoop.Outcome deletePublished() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM outbox_event WHERE sent_at < now() - ? * interval '1 second'")) {
            delete.setLong(1, config.retention().toSeconds());
            delete.executeUpdate();
        }
        return BackgroundLoop.Outcome.IDLE;
    }
}
