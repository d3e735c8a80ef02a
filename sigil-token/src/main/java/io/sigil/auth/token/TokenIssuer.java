package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs access tokens for authenticated callers: {@code iss}, {@code sub}, {@code upn},
 * {@code groups}, {@code iat}, {@code exp}, a random {@code jti}, and {@code aud} when audiences
 * are configured. Stores nothing. Thread-safe.
 */
public final class TokenIssuer {

    /** The shortest lifetime an issued token may have. */
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(1);
    /** The longest lifetime an issued token may have. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(30);

    private static final int TOKEN_ID_BYTES = 16;

    private final SigningKey key;
    private final String issuer;
    private final Set<String> audiences;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String encodedHeader;

    /**
     * @param key       the signing key, any algorithm; its {@code kid}, if any, goes into the header
     * @param issuer    the {@code iss} to write
     * @param audiences the {@code aud} to write; empty for none
     * @param lifetime  how long tokens stay valid; see {@link #checkLifetime}
     * @param clock     the time source
     * @throws IllegalArgumentException if the lifetime is out of range
     */
    public TokenIssuer(SigningKey key, String issuer, Set<String> audiences, Duration lifetime, Clock clock) {
        checkLifetime(lifetime);
        this.key = key;
        this.issuer = issuer;
        this.audiences = new TreeSet<>(audiences);
        this.lifetime = lifetime;
        this.clock = clock;
        this.encodedHeader = encodedHeader(key);
    }

    private static String encodedHeader(SigningKey key) {
        JsonObjectBuilder header = Json.createObjectBuilder()
                .add("alg", key.algorithm().joseName())
                .add("typ", "JWT");
        if (key.keyId() != null) {
            header.add("kid", key.keyId());
        }
        return Base64Url.encode(header.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Signs arbitrary claims as they are, with the header this class always writes
     * ({@code alg}, {@code typ} JWT, {@code kid} when the key has one). For the command-line
     * {@code sign}; the server issues tokens with {@link #issue}.
     *
     * @param key    the signing key
     * @param claims the claims, written verbatim
     * @return the JWS compact serialization
     */
    public static String sign(SigningKey key, JsonObject claims) {
        return sign(key, encodedHeader(key), claims);
    }

    private static String sign(SigningKey key, String encodedHeader, JsonObject claims) {
        String signingInput = encodedHeader + '.'
                + Base64Url.encode(claims.toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + Base64Url.encode(signature);
    }

    /**
     * Checks a token lifetime: from {@link #MIN_LIFETIME} to {@link #MAX_LIFETIME}.
     *
     * @param lifetime the lifetime to check
     * @return the lifetime
     * @throws IllegalArgumentException if it is out of range
     */
    public static Duration checkLifetime(Duration lifetime) {
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("the token lifetime must be between " + MIN_LIFETIME
                    + " and " + MAX_LIFETIME);
        }
        return lifetime;
    }

    /** @return how long issued tokens stay valid */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Signs a token for a caller.
     *
     * @param name   the caller name, written as {@code sub} and {@code upn}
     * @param groups the caller's groups
     * @return the signed token
     */
    public IssuedToken issue(String name, Set<String> groups) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        byte[] id = new byte[TOKEN_ID_BYTES];
        random.nextBytes(id);
        String tokenId = Base64Url.encode(id);

        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        new TreeSet<>(groups).forEach(groupArray::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", name)
                .add("upn", name)
                .add("groups", groupArray)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", tokenId);
        if (audiences.size() == 1) {
            claims.add("aud", audiences.iterator().next());
        } else if (!audiences.isEmpty()) {
            JsonArrayBuilder aud = Json.createArrayBuilder();
            audiences.forEach(aud::add);
            claims.add("aud", aud);
        }
        return new IssuedToken(sign(key, encodedHeader, claims.build()), tokenId,
                Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }
}
