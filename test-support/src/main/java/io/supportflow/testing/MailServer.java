package io.supportflow.testing;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

/** A real SMTP server (GreenMail) on a free loopback port; can be taken down and brought back. */
public final class MailServer implements AutoCloseable {

    private final int port = FreePorts.next();
    private GreenMail greenMail;
    /** What the server received before it was last stopped: an outage loses no record of delivered mail. */
    private final List<MimeMessage> receivedBeforeStop = new ArrayList<>();

    public synchronized MailServer start() {
        // Named, jakarta.mail's stream provider is instantiated directly; otherwise every message received
        // looks it up with a ServiceLoader scan of the whole class path (most of the server's CPU under load).
        System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            // Read the store after the server stopped accepting: a message accepted while it was stopping
            // (its sender saw 250 OK) is recorded too. stop() replaces the server's store, so keep this one.
            Managers store = greenMail.getManagers();
            greenMail.stop();
            store.getImapHostManager().getAllMessages().forEach(m -> receivedBeforeStop.add(m.getMimeMessage()));
            greenMail = null;
        }
    }

    public int port() {
        return port;
    }

    /** Every message received since the first start, across stops. */
    public synchronized MimeMessage[] received() {
        List<MimeMessage> all = new ArrayList<>(receivedBeforeStop);
        if (greenMail != null) {
            all.addAll(List.of(greenMail.getReceivedMessages()));
        }
        return all.toArray(MimeMessage[]::new);
    }

    public synchronized void purge() {
        try {
            receivedBeforeStop.clear();
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot purge the test mailbox", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
