package io.supportflow.testing;

/**
 * The broker and the mail server, started once per test JVM and shared by every test
 * class in it; they stop when the JVM exits. The broker starts holding the shipped SLA policy on
 * {@code sla.policies}, as it does once sla-service has started for the first time.
 */
public final class SharedInfrastructure {

    private static KafkaBroker broker;
    private static MailServer mail;

    private SharedInfrastructure() {
    }

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = new KafkaBroker().start();
            try (TopicWriter writer = new TopicWriter(broker.bootstrapServers())) {
                writer.publish(SlaPolicies.envelope(SlaPolicies.shipped(1)));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
        }
        return broker;
    }

    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = new MailServer().start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "mail-server-stop"));
        }
        return mail;
    }
}
