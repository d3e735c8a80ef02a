package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Parses one JSON object strictly: valid UTF-8, exactly one object and nothing after it, no
 * duplicate member names at any level (JSON-P keeps the last one silently), nesting at most
 * {@link #MAX_DEPTH}. Thread-safe.
 */
public final class StrictJson {

    /** The deepest nesting of JSON objects and arrays accepted. */
    static final int MAX_DEPTH = 16;

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private StrictJson() {
    }

    /**
     * @param utf8 the bytes
     * @param part what the bytes are ("header", "claims", "JWK"), used in the reason
     * @return the object
     * @throws InvalidTokenException if the bytes are not one strict JSON object
     */
    public static JsonObject parseObject(byte[] utf8, String part) throws InvalidTokenException {
        try (JsonParser parser = PARSERS.createParser(new StringReader(decode(utf8, part)))) {
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
            // exceptions (a number too long, for one); all of them mean malformed input.
            throw new InvalidTokenException(part + " is not valid JSON", e);
        }
    }

    /**
     * @param object a parsed header or claims object
     * @param name   the member
     * @return the member's string, or {@code null} if it is absent
     * @throws InvalidTokenException if the member is present and not a string
     */
    public static String optionalString(JsonObject object, String name) throws InvalidTokenException {
        JsonValue value = object.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidTokenException(name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    /**
     * @return the bytes as text
     * @throws InvalidTokenException if they are not valid UTF-8
     */
    private static String decode(byte[] utf8, String part) throws InvalidTokenException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTokenException(part + " is not valid UTF-8", e);
        }
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth, String part)
            throws InvalidTokenException {
        switch (event) {
            case START_OBJECT -> {
                checkDepth(depth, part);
                JsonObjectBuilder object = BUILDERS.createObjectBuilder();
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
                JsonArrayBuilder array = BUILDERS.createArrayBuilder();
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
        if (depth > MAX_DEPTH) {
            throw new InvalidTokenException(part + " is not valid JSON: nested too deeply");
        }
    }
}
