package io.sigil.auth.token;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * <p>Immutable and thread-safe if its resolver is.
 */
public final class TokenVerifier {

    /** The latest NumericDate accepted: 9999-12-31T23:59:59Z. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    private static final int MAX_NAME_LENGTH = 256;
    /** Header members that carry or point at a key; never followed, so refused. */
    private static final List<String> KEY_REFERENCES = List.of("jwk", "jku", "x5u", "x5c");

    private final KeyResolver keys;
    /** Headers of tokens that verified, with what {@link #checkHeader} found in them. */
    private final CheckedHeaders headers = new CheckedHeaders();
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
        JwtClaims claims = checkClaims(StrictJson.parseObject(verified.payload(), "claims"));
        return new VerifiedToken(compact, verified.key().keyId(), claims);
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
        CheckedHeader header = headers.find(compact, firstDot);
        boolean cached = header != null;
        if (!cached) {
            JsonObject json = StrictJson.parseObject(Base64Url.decode(compact, 0, firstDot), "header");
            header = new CheckedHeader(compact.substring(0, firstDot), checkHeader(json), optionalString(json, "kid"));
        }
        byte[] payloadBytes = Base64Url.decode(compact, firstDot + 1, secondDot);
        byte[] signature = Base64Url.decode(compact, secondDot + 1, compact.length());
        List<VerificationKey> candidates = candidates(header.keyId(), header.algorithm());
        // Every character is base64url or '.', so the string is ASCII.
        byte[] signingInput = compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        for (VerificationKey key : candidates) {
            if (key.algorithm() != header.algorithm()) {
                throw new InvalidTokenException("algorithm does not match the key");
            }
            if (key.verify(signingInput, signature)) {
                if (!cached) {
                    headers.remember(header);
                }
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
        Optional<JwsAlgorithm> algorithm = JwsAlgorithm.fromJoseName(optionalString(header, "alg"));
        if (algorithm.isEmpty()) {
            throw new InvalidTokenException("algorithm does not match the key");
        }
        if (header.containsKey("crit")) {
            throw new InvalidTokenException("critical header parameters are not supported");
        }
        if (header.containsKey("b64")) {
            throw new InvalidTokenException("unencoded payloads are not supported");
        }
        String typ = optionalString(header, "typ");
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

    private JwtClaims checkClaims(JsonObject claims) throws InvalidTokenException {
        Instant now = clock.instant();
        long skew = policy.clockSkew().toSeconds();

        Instant expiresAt = numericDate(claims, "exp");
        if (expiresAt == null) {
            throw new InvalidTokenException("missing exp");
        }
        if (!now.isBefore(expiresAt.plusSeconds(skew))) {
            throw new InvalidTokenException("token expired");
        }
        Instant notBefore = numericDate(claims, "nbf");
        if (notBefore != null && now.plusSeconds(skew).isBefore(notBefore)) {
            throw new InvalidTokenException("token not yet valid");
        }
        Instant issuedAt = numericDate(claims, "iat");
        if (issuedAt != null && now.plusSeconds(skew).isBefore(issuedAt)) {
            throw new InvalidTokenException("token issued in the future");
        }
        if (policy.maxTokenAge().isPresent()) {
            if (issuedAt == null) {
                throw new InvalidTokenException("missing iat");
            }
            if (issuedAt.plus(policy.maxTokenAge().get()).plusSeconds(skew).isBefore(now)) {
                throw new InvalidTokenException("token too old");
            }
        }

        String issuer = optionalString(claims, "iss");
        if (!policy.issuer().equals(issuer)) {
            throw new InvalidTokenException("wrong issuer");
        }
        Set<String> audience = stringOrStrings(claims, "aud");
        if (!policy.audiences().isEmpty() && audience.stream().noneMatch(policy.audiences()::contains)) {
            throw new InvalidTokenException("wrong audience");
        }

        String subject = optionalString(claims, "sub");
        String name = optionalString(claims, "upn");
        if (name == null) {
            name = optionalString(claims, "preferred_username");
        }
        if (name == null) {
            name = subject;
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(TokenVerifier::isForbiddenInName)) {
            throw new InvalidTokenException("missing or invalid caller name");
        }
        Set<String> groups = strings(claims, "groups");
        String tokenId = optionalString(claims, "jti");
        return new JwtClaims(name, subject, issuer, audience, groups, issuedAt, expiresAt, tokenId, claims);
    }

    private static boolean isForbiddenInName(int codePoint) {
        // String.codePoints() yields an unpaired surrogate as its own code unit.
        return codePoint < 0x20 || codePoint == 0x7f
                || codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static String optionalString(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidTokenException(name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static Instant numericDate(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
            throw new InvalidTokenException(name + " must be an integer NumericDate");
        }
        long seconds;
        try {
            seconds = ((JsonNumber) value).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidTokenException(name + " is out of range", e);
        }
        if (seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw new InvalidTokenException(name + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private static Set<String> stringOrStrings(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
            return Set.of(((JsonString) value).getString());
        }
        return strings(object, name);
    }

    private static Set<String> strings(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return Set.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidTokenException(name + " must be an array of strings");
        }
        Set<String> result = new LinkedHashSet<>();
        for (JsonValue element : (JsonArray) value) {
            if (element.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidTokenException(name + " must be an array of strings");
            }
            result.add(((JsonString) element).getString());
        }
        return result;
    }
}
