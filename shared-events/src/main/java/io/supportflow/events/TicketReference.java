package io.supportflow.events;

/**
 * The short reference customers and agents quote, e.g. {@code SF-7K3M9QX2}: 8 Crockford
 * base-32 characters (40 bits) taken from the ticketId, so it needs no counter and no lookup.
 * No I, L, O or U, so it reads unambiguously over the phone.
 */
public final class TicketReference {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 8;

    private TicketReference() {
    }

    public static String of(String ticketId) {
        java.util.UUID uuid = DeterministicIds.nameUuid("reference", ticketId);
        long bits = uuid.getMostSignificantBits();
        StringBuilder reference = new StringBuilder("SF-");
        for (int i = 0; i < LENGTH; i++) {
            reference.append(ALPHABET[(int) ((bits >>> (59 - 5 * i)) & 0x1f)]);
        }
        return reference.toString();
    }
}
