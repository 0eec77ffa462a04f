package io.supportflow.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 5) UUIDs, so the same cause always yields the same id: a retried
 * submission the same ticket, a reprocessed record the same event id.
 */
public final class DeterministicIds {

    private static final UUID NAMESPACE = UUID.fromString("6f1c3a52-5b0e-4c59-9a8e-2f0d6b7c4e11");

    private DeterministicIds() {
    }

    /** The ticketId for a submission from {@code channel} identified by its idempotency key or external ref. */
    public static String ticketId(Channel channel, String submissionKey) {
        return nameUuid("ticket", channel.name(), submissionKey).toString();
    }

    /** The id of the event that {@code role} emits because of {@code causeId} (an event id or a command id). */
    public static String eventId(String causeId, String role) {
        return nameUuid("event", causeId, role).toString();
    }

    /** A UUID derived from the given parts, stable across runs and machines. */
    public static UUID nameUuid(String... parts) {
        String name = String.join("\u001f", parts);
        byte[] hash = sha1(NAMESPACE, name);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] sha1(UUID namespace, String name) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(toBytes(namespace));
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
