package io.supportflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** Whether the service has consumed an event: lets a test know a duplicate was seen, which changes nothing else. */
final class ProcessedEventsProbe {

    private ProcessedEventsProbe() {
    }

    static boolean processed(String eventId) throws SQLException {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                return result.next();
            }
        }
    }
}
