package io.supportflow.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a free loopback port; can be taken down and brought back. */
public final class MailServer implements AutoCloseable {

    private final int port = FreePorts.next();
    private GreenMail greenMail;

    public synchronized MailServer start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public int port() {
        return port;
    }

    public synchronized MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    public synchronized void purge() {
        try {
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
