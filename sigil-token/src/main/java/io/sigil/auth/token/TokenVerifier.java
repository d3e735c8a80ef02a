package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.ClaimChecks;
import io.sigil.auth.token.internal.StrictJson;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Verifies JWS compact tokens: the length; exactly three parts of strict base64url; the protected
 * header, parsed strictly (it names the key); the key, found by {@code kid} through a
 * {@link KeyResolver}, whose algorithm must equal the header's {@code alg}; the signature over
 * the raw signing input; and only then the claims, parsed and checked against a
 * {@link TokenPolicy}.
 *
 * <p>Header rules: {@code alg} must be one of {@link JwsAlgorithm} by its exact name ({@code none}
 * never is); {@code crit} and {@code b64} are refused; {@code typ}, when present, must be
 * {@code JWT} or {@code application/jwt} (any case); {@code kid}, when present, must be a string
 * and is only a lookup key; {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are refused, so
 * a key carried or pointed at by the token is never followed or trusted; other members are
 * ignored. Duplicate members and nesting deeper than 16 are refused in header and claims.
 *
 * <p>Key choice (see {@link KeyResolver}): a token's {@code kid} selects the key with that kid;
 * if none has it, or the token has no kid, only the keys without a kid whose algorithm is the
 * token's {@code alg} are tried, at most {@link KeyResolver#MAX_CANDIDATES}. A kid that matches
 * no key at all is refused as {@code unknown kid}.
 *
 * <p>The claims are parsed once, as strictly as the header, into the object
 * {@link JwtClaims#json()} returns, and checked from it ({@link ClaimChecks}).
 *
 * <p>Immutable and thread-safe if its resolver is.
 */
public final class TokenVerifier {

    /** Header members that carry or point at a key; never followed, so refused. */
    private static final List<String> KEY_REFERENCES = List.of("jwk", "jku", "x5u", "x5c");

    private final KeyResolver keys;
    private final TokenPolicy policy;
    private final Clock clock;

    /**
     * @param keys   finds the keys tokens may be signed with; each key fixes its algorithm
     * @param policy the claim requirements
     * @param clock  the time source; tests pass a fixed clock
     */
    public TokenVerifier(KeyResolver keys, TokenPolicy policy, Clock clock) {
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Verifies a token.
     *
     * @param compact the JWS compact serialization, as presented
     * @return the verified token and its claims
     * @throws InvalidTokenException if anything about the token is wrong; nothing else is thrown
     *                               for any input
     */
    public VerifiedToken verify(String compact) throws InvalidTokenException {
        Verified verified = verifiedPayload(compact);
        JsonObject claims = StrictJson.parseObject(verified.payload(), "claims");
        return new VerifiedToken(compact, verified.key().keyId(), ClaimChecks.check(claims, policy, clock.instant()));
    }

    /**
     * Checks the form, the signature and the header, and returns the parsed claims without
     * checking them against the policy. Package-private for the published test vectors.
     */
    JsonObject verifiedClaimsJson(String compact) throws InvalidTokenException {
        return StrictJson.parseObject(verifiedPayload(compact).payload(), "claims");
    }

    /** A payload whose signature passed, and the key that passed it. */
    record Verified(byte[] payload, VerificationKey key) {
    }

    /**
     * Checks the form, the header and the signature and returns the raw payload, which need not
     * be JSON. Package-private for the published test vectors, whose payloads are text.
     */
    Verified verifiedPayload(String compact) throws InvalidTokenException {
        if (compact == null || compact.isEmpty()) {
            throw new InvalidTokenException("empty token");
        }
        if (compact.length() > policy.maxTokenLength()) {
            throw new InvalidTokenException("token too long");
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            throw new InvalidTokenException("token must have exactly three parts");
        }
        JsonObject header = StrictJson.parseObject(Base64Url.decode(compact, 0, firstDot), "header");
        JwsAlgorithm algorithm = checkHeader(header);
        String keyId = StrictJson.optionalString(header, "kid");
        byte[] payloadBytes = Base64Url.decode(compact, firstDot + 1, secondDot);
        byte[] signature = Base64Url.decode(compact, secondDot + 1, compact.length());
        // Every character of the signing input has passed the base64url check or is a dot: ASCII.
        byte[] signingInput = compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        for (VerificationKey key : candidates(keyId, algorithm)) {
            if (key.algorithm() != algorithm) {
                throw new InvalidTokenException("algorithm does not match the key");
            }
            if (key.verify(signingInput, signature)) {
                return new Verified(payloadBytes, key);
            }
        }
        throw new InvalidTokenException("signature mismatch");
    }

    private List<VerificationKey> candidates(String keyId, JwsAlgorithm algorithm) throws InvalidTokenException {
        if (keyId != null) {
            Optional<VerificationKey> key = keys.byKeyId(keyId);
            if (key.isPresent()) {
                return List.of(key.get());
            }
        }
        List<VerificationKey> candidates = keys.withoutKeyId(algorithm);
        if (candidates.isEmpty()) {
            throw new InvalidTokenException(keyId != null ? "unknown kid" : "algorithm does not match the key");
        }
        return candidates.size() > KeyResolver.MAX_CANDIDATES
                ? candidates.subList(0, KeyResolver.MAX_CANDIDATES) : candidates;
    }

    private static JwsAlgorithm checkHeader(JsonObject header) throws InvalidTokenException {
        Optional<JwsAlgorithm> algorithm = JwsAlgorithm.fromJoseName(StrictJson.optionalString(header, "alg"));
        if (algorithm.isEmpty()) {
            throw new InvalidTokenException("algorithm does not match the key");
        }
        if (header.containsKey("crit")) {
            throw new InvalidTokenException("critical header parameters are not supported");
        }
        if (header.containsKey("b64")) {
            throw new InvalidTokenException("unencoded payloads are not supported");
        }
        String typ = StrictJson.optionalString(header, "typ");
        if (typ != null && !typ.equalsIgnoreCase("JWT") && !typ.equalsIgnoreCase("application/jwt")) {
            throw new InvalidTokenException("unexpected typ");
        }
        for (String name : KEY_REFERENCES) {
            if (header.containsKey(name)) {
                throw new InvalidTokenException("key references in the header are not supported");
            }
        }
        return algorithm.get();
    }
}
