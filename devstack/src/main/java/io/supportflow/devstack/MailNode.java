package io.supportflow.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * The local mail server: GreenMail accepting SMTP for any recipient, and its mailbox as JSON
 * over HTTP ({@code GET /api/messages}, {@code DELETE /api/messages}) so people and scripts can
 * see what SupportFlow sent. Run as {@code io.supportflow.devstack.MailNode --smtp-port 3025 --http-port 8025}.
 */
public final class MailNode {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailNode() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args);
        int smtpPort = Integer.parseInt(options.getOrDefault("smtp-port", "3025"));
        int httpPort = Integer.parseInt(options.getOrDefault("http-port", "8025"));

        // Named, jakarta.mail's stream provider is instantiated directly; otherwise every message received
        // looks it up with a ServiceLoader scan of the whole class path (most of the server's CPU under load).
        System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        http.createContext("/api/messages", exchange -> serveMailbox(greenMail, exchange));
        http.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            greenMail.stop();
        }));
        System.out.printf("Mail server ready: SMTP 127.0.0.1:%d, mailbox http://127.0.0.1:%d/api/messages%n",
                smtpPort, httpPort);
    }

    private static void serveMailbox(GreenMail greenMail, HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("DELETE".equals(exchange.getRequestMethod())) {
                greenMail.purgeEmailFromAllMailboxes();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            List<Map<String, Object>> messages = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                messages.add(describe(message));
            }
            byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(messages);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (MessagingException | com.icegreen.greenmail.store.FolderException e) {
            byte[] body = ("Cannot read mailbox: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static Map<String, Object> describe(MimeMessage message) throws MessagingException {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("messageId", message.getMessageID());
        described.put("from", addresses(message.getFrom()));
        described.put("to", addresses(message.getAllRecipients()));
        described.put("subject", message.getSubject());
        described.put("receivedAt", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
        described.put("raw", GreenMailUtil.getWholeMessage(message));
        return described;
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address.toString());
            }
        }
        return result;
    }
}
