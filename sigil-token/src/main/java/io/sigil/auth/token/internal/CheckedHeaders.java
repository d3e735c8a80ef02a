package io.sigil.auth.token.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last few protected headers, in their base64url form, of tokens whose signature verified,
 * with the algorithm and {@code kid} the header check found in them. The check is a function of
 * the header text alone, and every token from one issuer and key carries the same header, so a
 * hit skips decoding and parsing it; the key is still looked up on every call. Only headers of
 * tokens that verified are remembered, so a caller without a key cannot fill the slots.
 * Thread-safe: the entries are immutable and replaced whole.
 */
public final class CheckedHeaders {

    private static final int SLOTS = 8;

    private final AtomicReferenceArray<CheckedHeader> slots = new AtomicReferenceArray<>(SLOTS);
    private final AtomicInteger next = new AtomicInteger();

    /** @return the entry whose text is exactly {@code compact[0, firstDot)}, or {@code null} */
    public CheckedHeader find(String compact, int firstDot) {
        for (int i = 0; i < SLOTS; i++) {
            CheckedHeader entry = slots.get(i);
            if (entry == null) {
                return null;
            }
            if (entry.encoded().length() == firstDot && compact.startsWith(entry.encoded())) {
                return entry;
            }
        }
        return null;
    }

    /** Remembers a header of a token that verified, replacing the oldest entry. */
    public void remember(CheckedHeader header) {
        slots.set(Math.floorMod(next.getAndIncrement(), SLOTS), header);
    }
}
