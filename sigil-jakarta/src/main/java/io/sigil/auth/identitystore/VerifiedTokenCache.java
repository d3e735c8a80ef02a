package io.sigil.auth.identitystore;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JwtClaims;
import io.sigil.auth.token.TokenPolicy;
import io.sigil.auth.token.VerifiedToken;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Tokens that verified recently, so that a client presenting the same token again (the normal
 * case, for as long as the token lives) pays for its signature once ({@code sigil.token.cache.size}).
 *
 * <p>What a hit still checks: the entry must come from the current key generation (any change of
 * the keys, see {@code SigilKeys.generation()}, drops every entry); {@code exp}, {@code nbf},
 * {@code iat} and the maximum age ({@code mp.jwt.verify.token.age}) are checked again against the
 * clock with the policy's skew, and a token that fails them is verified in full (and refused with
 * the verifier's reason). Everything else a full check looks at is a function of the exact token
 * text and the keys, so it cannot have changed. Revocation is not cached: the caller asks the
 * revocation store on every request, hit or not.
 *
 * <p>What an attacker gets: only tokens whose full check passed are stored, so unique junk tokens
 * never take memory; a text longer than the policy's maximum is never even hashed. The key is the
 * exact token text (stored as is: the {@link VerifiedToken} keeps that same string, so hashing it
 * down would save nothing), placed by a hash seeded at random per cache and compared in constant
 * time, so timing reveals nothing about a stored token to a client that does not already hold it.
 * The size is bounded: at most {@code maxEntries} entries, held in two halves (the current one
 * takes new and re-used entries; when it is full it becomes the previous one and the old previous
 * is dropped), which keeps tokens in use and forgets the others, without a lock or a scan.
 *
 * <p>Thread-safe: the halves are {@link ConcurrentHashMap}s of immutable entries; the pair of
 * halves and its key generation is one immutable value replaced by compare-and-set, so a reader
 * always sees a consistent pair; a half accepts an entry only after reserving one of its
 * {@code maxEntries / 2} slots with an atomic counter, so concurrent inserts cannot push it past
 * its share, and a half that was replaced meanwhile is no longer reachable.
 */
public final class VerifiedTokenCache {

    /** The full check of a token: signature, claims and required claims. */
    @FunctionalInterface
    public interface FullCheck {
        /**
         * @param compact the token as presented
         * @return the verified token
         * @throws InvalidTokenException if the token is refused
         */
        VerifiedToken verify(String compact) throws InvalidTokenException;
    }

    private static final long ABSENT = -1;

    private final int perHalf;
    private final LongSupplier keyGeneration;
    private final long skewSeconds;
    private final Duration maxTokenAge;
    private final int maxLength;
    private final Clock clock;
    private final int seed = new SecureRandom().nextInt();
    private final AtomicReference<Halves> halves;

    /**
     * @param maxEntries    the most tokens remembered; 0 turns the cache off, else at least 2
     * @param keyGeneration the key ring's generation ({@code SigilKeys::generation})
     * @param policy        the policy whose skew and maximum age a hit is checked with
     * @param clock         the time source, the verifier's
     * @throws IllegalArgumentException if {@code maxEntries} is negative or 1
     */
    public VerifiedTokenCache(int maxEntries, LongSupplier keyGeneration, TokenPolicy policy, Clock clock) {
        if (maxEntries < 0 || maxEntries == 1) {
            throw new IllegalArgumentException("the cache size must be 0 (off) or at least 2");
        }
        this.perHalf = maxEntries / 2;
        this.keyGeneration = keyGeneration;
        this.skewSeconds = policy.clockSkew().toSeconds();
        this.maxTokenAge = policy.maxTokenAge().orElse(null);
        this.clock = clock;
        // No generation is read before the first token: reading it may fetch a remote key set.
        this.halves = new AtomicReference<>(new Halves(new Half(), new Half(), Long.MIN_VALUE));
        this.maxLength = policy.maxTokenLength();
    }

    /**
     * Returns the remembered result for exactly this token text if it is still valid now, or runs
     * the full check and remembers a token that passes it.
     *
     * @param compact the token as presented
     * @param check   the full check
     * @return the verified token
     * @throws InvalidTokenException from the full check
     */
    public VerifiedToken verify(String compact, FullCheck check) throws InvalidTokenException {
        if (perHalf == 0 || compact == null || compact.length() > maxLength) {
            return check.verify(compact);
        }
        // Read the generation before the check: keys that change during it make the entry stale.
        long keys = keyGeneration.getAsLong();
        Halves current = halvesFor(keys);
        Key key = new Key(compact, seed);
        Entry entry = current.now.map.get(key);
        if (entry == null) {
            entry = current.before.map.get(key);
            if (entry != null) {
                store(key, entry); // in use: keep it in the current half
            }
        }
        if (entry != null && entry.keyGeneration == keys && isValidAt(entry, clock.instant())) {
            return entry.token();
        }
        VerifiedToken token = check.verify(compact);
        Entry fresh = entryFor(token, keys);
        if (fresh != null) {
            store(key, fresh);
        }
        return token;
    }

    /** @return how many entries both halves hold now (a token in both counts twice) */
    int size() {
        Halves current = halves.get();
        return current.now.map.size() + current.before.map.size();
    }

    private Halves halvesFor(long keys) {
        Halves current = halves.get();
        while (current.keyGeneration != keys) {
            Halves fresh = new Halves(new Half(), new Half(), keys);
            if (halves.compareAndSet(current, fresh)) {
                return fresh;
            }
            current = halves.get();
        }
        return current;
    }

    private void store(Key key, Entry entry) {
        while (true) {
            Halves current = halves.get();
            if (current.keyGeneration != entry.keyGeneration()) {
                return; // the keys changed meanwhile
            }
            if (current.now.reserved.incrementAndGet() <= perHalf) {
                current.now.map.put(key, entry);
                return;
            }
            halves.compareAndSet(current, new Halves(new Half(), current.now, current.keyGeneration));
        }
    }

    /** @return the entry for a token that passed the full check, or null if its nbf is unreadable */
    private static Entry entryFor(VerifiedToken token, long keys) {
        JwtClaims claims = token.claims();
        long notBefore = ABSENT;
        JsonValue nbf = claims.json().get("nbf");
        if (nbf != null) {
            if (!(nbf instanceof JsonNumber number) || !number.isIntegral()) {
                return null; // the verifier refuses such a token; never remember what it did not check
            }
            notBefore = number.longValue();
        }
        long issuedAt = claims.issuedAt() == null ? ABSENT : claims.issuedAt().getEpochSecond();
        return new Entry(token, keys, notBefore, issuedAt, claims.expiresAt().getEpochSecond());
    }

    /** The verifier's time rules (ClaimChecks), in whole epoch seconds, against the current time. */
    private boolean isValidAt(Entry entry, Instant now) {
        long seconds = now.getEpochSecond();
        if (seconds >= entry.expiresAt + skewSeconds) {
            return false;
        }
        if (entry.notBefore != ABSENT && seconds + skewSeconds < entry.notBefore) {
            return false;
        }
        if (entry.issuedAt != ABSENT && seconds + skewSeconds < entry.issuedAt) {
            return false;
        }
        return maxTokenAge == null || entry.issuedAt != ABSENT
                && !Instant.ofEpochSecond(entry.issuedAt).plus(maxTokenAge).plusSeconds(skewSeconds).isBefore(now);
    }

    /** One verified token, its key generation, and the time claims a hit checks again ({@code -1}: absent). */
    private record Entry(VerifiedToken token, long keyGeneration, long notBefore, long issuedAt, long expiresAt) {
    }

    /** Half of the cache, with a counter of the slots handed out. */
    private static final class Half {
        final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
        final AtomicInteger reserved = new AtomicInteger();
    }

    /** The half that takes entries, the one before it, and the key generation of both. */
    private record Halves(Half now, Half before, long keyGeneration) {
    }

    /** The exact token text, hashed with the cache's seed and compared in constant time. */
    private static final class Key {
        private final String text;
        private final int hash;

        Key(String text, int seed) {
            this.text = text;
            int h = seed;
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x01000193;
            }
            h ^= h >>> 16;
            h *= 0x85ebca6b;
            h ^= h >>> 13;
            h *= 0xc2b2ae35;
            this.hash = h ^ (h >>> 16);
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key key) || key.text.length() != text.length()) {
                return false;
            }
            int difference = 0;
            for (int i = 0; i < text.length(); i++) {
                difference |= text.charAt(i) ^ key.text.charAt(i);
            }
            return difference == 0;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
