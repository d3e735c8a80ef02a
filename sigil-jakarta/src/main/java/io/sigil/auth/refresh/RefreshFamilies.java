package io.sigil.auth.refresh;

import io.sigil.auth.revocation.RevocationStore;
import io.sigil.auth.token.IssuedToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Issues and rotates refresh tokens, one family per password login, in a shared map (the
 * cluster's revocation map). A refresh token reads {@code <family>.<generation>.<secret>}: 128
 * random bits naming the family, a counter, 256 random bits. The map holds the family's state
 * ({@link RefreshFamily}) with the SHA-256 of the current token only, so a copy of the map yields
 * no usable token.
 *
 * <p>Each use returns a new pair and uses the presented token up. A token of an earlier
 * generation is a reuse (RFC 9700 §4.14.2): the family ends, its access tokens are revoked in the
 * {@link RevocationStore}, and every node refuses its newest refresh token. A family also ends
 * when idle or old ({@link RefreshSettings}), when its caller logs out everywhere or changes the
 * password (the caller's not-before in the revocation store), or when one of its access tokens
 * is logged out ({@link #endFamilyOf}). Entries: {@code refresh:family:<id>} → the state;
 * {@code refresh:access:<jti>} → {@code <family>:<exp>}. Thread-safe as the map is.
 */
public final class RefreshFamilies {

    static final String PREFIX = "refresh:";
    static final String FAMILY = PREFIX + "family:";
    static final String ACCESS = PREFIX + "access:";

    private static final Logger LOG = Logger.getLogger(RefreshFamilies.class.getName());
    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9_-]{22})\\.(0|[1-9][0-9]{0,17})\\.[A-Za-z0-9_-]{43}");
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;

    private final ConcurrentMap<String, Object> entries;
    private final Supplier<RefreshSettings> settings;
    private final RevocationStore revocations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong nextSweep = new AtomicLong();

    /**
     * @param entries     where the families live
     * @param settings    lifetimes and the switch
     * @param revocations where a family's access tokens are revoked, and callers' not-befores read
     * @param clock       the time source
     */
    public RefreshFamilies(ConcurrentMap<String, Object> entries, RefreshSettings settings,
                           RevocationStore revocations, Clock clock) {
        this(entries, constant(Objects.requireNonNull(settings, "settings")), revocations, clock);
    }

    /**
     * @param entries     where the families live
     * @param settings    lifetimes and the switch in force, asked on every call (settings that
     *                    change while the application runs)
     * @param revocations where a family's access tokens are revoked, and callers' not-befores read
     * @param clock       the time source
     */
    public RefreshFamilies(ConcurrentMap<String, Object> entries, Supplier<RefreshSettings> settings,
                           RevocationStore revocations, Clock clock) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the settings; {@code enabled()} says whether refresh tokens are handed out */
    public RefreshSettings settings() {
        return settings.get();
    }

    private static Supplier<RefreshSettings> constant(RefreshSettings settings) {
        return () -> settings;
    }

    /**
     * Starts a family after a password login.
     *
     * @param caller the caller name
     * @param groups the caller's groups
     * @param access the access token just issued
     * @return the family's first refresh token
     */
    public String start(String caller, Set<String> groups, IssuedToken access) {
        Instant now = clock.instant();
        String family = randomText(16);
        String token = token(family, 0);
        RefreshFamily state = new RefreshFamily(caller, groups, now.getEpochSecond(), now.getEpochSecond(), 0,
                hash(token), Map.of(access.tokenId(), access.expiresAt().getEpochSecond()));
        entries.put(FAMILY + family, state.encode());
        entries.put(ACCESS + access.tokenId(), family + ":" + access.expiresAt().getEpochSecond());
        sweepIfDue();
        return token;
    }

    /**
     * Uses a refresh token up and issues the next pair.
     *
     * @param refreshToken the token the client sent
     * @param issuer       signs an access token for a caller name and groups
     * @return the new pair, or why not
     */
    public RefreshGrant refresh(String refreshToken, BiFunction<String, Set<String>, IssuedToken> issuer) {
        var match = TOKEN.matcher(refreshToken == null ? "" : refreshToken);
        if (!match.matches()) {
            return new RefreshGrant.Refused("malformed");
        }
        String family = match.group(1);
        long generation = Long.parseLong(match.group(2));
        String key = FAMILY + family;
        Object stored = entries.get(key);
        RefreshFamily state = RefreshFamily.decode(stored);
        if (state == null) {
            return new RefreshGrant.Refused("unknown");
        }
        Instant now = clock.instant();
        if (state.expired(now, settings.get())) {
            end(key, stored, state);
            return new RefreshGrant.Refused("expired");
        }
        Optional<Instant> notBefore = revocations.notBefore(state.caller());
        if (notBefore.isPresent() && state.created() <= notBefore.get().getEpochSecond()) {
            end(key, stored, state);
            return new RefreshGrant.Refused("revoked");
        }
        if (generation < state.generation()) {
            return reused(key, stored, state, family);
        }
        if (generation > state.generation() || !MessageDigest.isEqual(
                hash(refreshToken).getBytes(StandardCharsets.US_ASCII), state.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            return new RefreshGrant.Refused("unknown");
        }
        IssuedToken access = issuer.apply(state.caller(), state.groups());
        String next = token(family, generation + 1);
        RefreshFamily rotated = state.rotate(now, hash(next), access.tokenId(), access.expiresAt());
        if (!entries.replace(key, stored, rotated.encode())) {
            // Another request used the same token first: this one is the reuse.
            Object current = entries.get(key);
            RefreshFamily latest = RefreshFamily.decode(current);
            revocations.revokeToken(access.tokenId(), access.expiresAt());
            return latest == null ? new RefreshGrant.Refused("unknown") : reused(key, current, latest, family);
        }
        entries.put(ACCESS + access.tokenId(), family + ":" + access.expiresAt().getEpochSecond());
        sweepIfDue();
        return new RefreshGrant.Granted(state.caller(), access, next);
    }

    /**
     * Ends the family an access token was issued from, if any (a logout of that token).
     *
     * @param accessTokenId the access token's {@code jti}
     */
    public void endFamilyOf(String accessTokenId) {
        Object link = entries.get(ACCESS + accessTokenId);
        if (link instanceof String text && text.indexOf(':') > 0) {
            String key = FAMILY + text.substring(0, text.indexOf(':'));
            Object stored = entries.get(key);
            RefreshFamily state = RefreshFamily.decode(stored);
            if (state != null) {
                end(key, stored, state);
                LOG.fine(() -> "refresh family of " + state.caller() + " ended by logout");
            }
        }
    }

    private RefreshGrant reused(String key, Object stored, RefreshFamily state, String family) {
        end(key, stored, state);
        LOG.warning(() -> "refresh token reused for " + state.caller() + " (family " + family
                + "): the family and its access tokens are revoked");
        return new RefreshGrant.Refused(RefreshGrant.REUSED);
    }

    /** Removes the family and revokes the access tokens issued from it. */
    private void end(String key, Object stored, RefreshFamily state) {
        entries.remove(key, stored);
        state.accessTokens().forEach((id, exp) -> revocations.revokeToken(id, Instant.ofEpochSecond(exp)));
    }

    private String token(String family, long generation) {
        return family + "." + generation + "." + randomText(32);
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static String hash(String token) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Removes ended families and links of expired access tokens, at most once a minute. */
    private void sweepIfDue() {
        long now = clock.millis();
        long due = nextSweep.get();
        if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_MILLIS)) {
            return;
        }
        long seconds = now / 1000;
        try {
            for (Map.Entry<String, Object> entry : entries.entrySet()) {
                String key = entry.getKey();
                if (key.startsWith(FAMILY) ? ended(entry.getValue(), seconds) : key.startsWith(ACCESS) && linkExpired(entry.getValue(), seconds)) {
                    entries.remove(key, entry.getValue());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "refresh sweep stopped early", e);
        }
    }

    private boolean ended(Object value, long seconds) {
        RefreshFamily state = RefreshFamily.decode(value);
        return state != null && state.endsAt(settings.get()) <= seconds;
    }

    private static boolean linkExpired(Object value, long seconds) {
        if (!(value instanceof String text) || text.indexOf(':') < 0) {
            return false;
        }
        try {
            return Long.parseLong(text.substring(text.indexOf(':') + 1)) < seconds;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
