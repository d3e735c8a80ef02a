package io.sigil.auth.token;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Verifies JWS compact tokens in Tink's order: strict split and base64url, the signature over the
 * raw signing input with the configured key, and only then the header and the claims as JSON,
 * which are checked against a {@link TokenPolicy}. Immutable and thread-safe.
 */
public final class TokenVerifier {

    /** The latest NumericDate accepted: 9999-12-31T23:59:59Z. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    private static final int MAX_NAME_LENGTH = 256;
    /** The deepest nesting of JSON objects and arrays accepted in a header or claims. */
    private static final int MAX_JSON_DEPTH = 16;

    private final HmacKey key;
    private final TokenPolicy policy;
    private final Clock clock;
    private final JsonParserFactory parsers;
    private final JsonBuilderFactory builders;

    /**
     * @param key    the only key tokens may be signed with; it fixes the algorithm
     * @param policy the claim requirements
     * @param clock  the time source; tests pass a fixed clock
     */
    public TokenVerifier(HmacKey key, TokenPolicy policy, Clock clock) {
        this.key = key;
        this.policy = policy;
        this.clock = clock;
        this.parsers = Json.createParserFactory(Map.of());
        this.builders = Json.createBuilderFactory(Map.of());
    }

    /**
     * Verifies a token.
     *
     * @param compact the JWS compact serialization, as presented
     * @return the verified token and its claims
     * @throws InvalidTokenException if anything about the token is wrong
     */
    public VerifiedToken verify(String compact) throws InvalidTokenException {
        JwtClaims claims = checkClaims(verifiedClaimsJson(compact));
        return new VerifiedToken(compact, key.keyId(), claims);
    }

    /**
     * Checks the form, the signature and the header, and returns the parsed claims without
     * checking them against the policy. Package-private for the published test vectors.
     */
    JsonObject verifiedClaimsJson(String compact) throws InvalidTokenException {
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
        byte[] headerBytes = Base64Url.decode(compact, 0, firstDot);
        byte[] payloadBytes = Base64Url.decode(compact, firstDot + 1, secondDot);
        byte[] signature = Base64Url.decode(compact, secondDot + 1, compact.length());
        // Every character is base64url or '.', so the string is ASCII.
        byte[] signingInput = compact.substring(0, secondDot).getBytes(StandardCharsets.US_ASCII);
        if (!key.verify(signingInput, signature)) {
            throw new InvalidTokenException("signature mismatch");
        }
        checkHeader(parseObject(headerBytes, "header"));
        return parseObject(payloadBytes, "claims");
    }

    private void checkHeader(JsonObject header) throws InvalidTokenException {
        String alg = optionalString(header, "alg");
        if (alg == null || !alg.equals(key.algorithm().name())) {
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
        String kid = optionalString(header, "kid");
        if (kid != null && key.keyId() != null && !kid.equals(key.keyId())) {
            throw new InvalidTokenException("unknown kid");
        }
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

    private JsonObject parseObject(byte[] utf8, String part) throws InvalidTokenException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTokenException(part + " is not valid UTF-8", e);
        }
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidTokenException(part + " is not a JSON object");
            }
            JsonObject object = readValue(parser, JsonParser.Event.START_OBJECT, 1, part).asJsonObject();
            if (parser.hasNext()) {
                throw new InvalidTokenException(part + " has data after the JSON object");
            }
            return object;
        } catch (RuntimeException e) {
            // JSON-P providers signal bad input with JsonException, but also with other runtime
            // exceptions (a number too long, for one); all of them mean a malformed token.
            throw new InvalidTokenException(part + " is not valid JSON", e);
        }
    }

    /**
     * Builds the value that starts with {@code event}, refusing duplicate member names at every
     * level (JSON-P's parser keeps the last one silently) and nesting deeper than
     * {@link #MAX_JSON_DEPTH}.
     */
    private JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth, String part) throws InvalidTokenException {
        switch (event) {
            case START_OBJECT -> {
                checkDepth(depth, part);
                JsonObjectBuilder object = builders.createObjectBuilder();
                Set<String> names = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    String name = parser.getString();
                    if (!names.add(name)) {
                        throw new InvalidTokenException(part + " is not valid JSON: duplicate member");
                    }
                    object.add(name, readValue(parser, parser.next(), depth + 1, part));
                }
                return object.build();
            }
            case START_ARRAY -> {
                checkDepth(depth, part);
                JsonArrayBuilder array = builders.createArrayBuilder();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(readValue(parser, next, depth + 1, part));
                }
                return array.build();
            }
            default -> {
                return parser.getValue();
            }
        }
    }

    private static void checkDepth(int depth, String part) throws InvalidTokenException {
        if (depth > MAX_JSON_DEPTH) {
            throw new InvalidTokenException(part + " is not valid JSON: nested too deeply");
        }
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
