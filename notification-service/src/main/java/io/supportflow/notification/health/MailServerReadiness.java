package io.supportflow.notification.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready only while the SMTP server answers: without it no customer learns that a ticket is
 * logged. Opens a connection, expects the 220 greeting and says QUIT, so no mail is involved.
 */
@Readiness
@ApplicationScoped
public class MailServerReadiness implements HealthCheck {

    private static final int TIMEOUT_MILLIS = 2000;

    private final String host;
    private final int port;

    MailServerReadiness(@ConfigProperty(name = "quarkus.mailer.host") String host,
                        @ConfigProperty(name = "quarkus.mailer.port", defaultValue = "25") int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("SMTP mail server")
                .withData("server", host + ":" + port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean ready = greeting != null && greeting.startsWith("220");
            return response.status(ready).withData("greeting", String.valueOf(greeting)).build();
        } catch (IOException e) {
            return response.down().withData("error", e.toString()).build();
        }
    }
}
