package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.TokenVerifier;

import jakarta.json.JsonNumber;
import jakarta.json.stream.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a verified claims payload in one streaming JSON-P pass, exactly as strictly as
 * {@link StrictJson#parseObject} (valid UTF-8, one object, nothing after it, no duplicate member
 * at any level, nesting at most {@link StrictJson#MAX_DEPTH}), without building a
 * {@code JsonObject}: it keeps only the members {@link TokenVerifier} checks. Each kept value is a
 * {@link String} (a JSON string), a {@link JsonNumber} (the same object JSON-P gives for it), a
 * {@code List<String>} (an array of strings only) or {@link #OTHER} (any other value). Stateless
 * and thread-safe; each call returns a new, unshared {@link Kept}.
 */
public final class ClaimsReader {

    /** A kept member whose value is neither a string, a number nor an array of strings. */
    static final Object OTHER = new Object();

    /** The members kept, by index into {@link Kept#values}. */
    static final int EXP = 0;
    static final int NBF = 1;
    static final int IAT = 2;
    static final int ISS = 3;
    static final int AUD = 4;
    static final int SUB = 5;
    static final int UPN = 6;
    static final int PREFERRED_USERNAME = 7;
    static final int GROUPS = 8;
    static final int JTI = 9;
    private static final int KEPT = 10;

    private ClaimsReader() {
    }

    /** What the pass kept: {@code values[i]} is {@code null} when member {@code i} is absent. */
    public record Kept(Object[] values) {
        Object get(int member) {
            return values[member];
        }
    }

    /**
     * @param utf8 the claims bytes, whose signature has verified
     * @return the kept members
     * @throws InvalidTokenException with the same reason {@link StrictJson#parseObject} gives, if
     *                               the bytes are not one strict JSON object
     */
    public static Kept read(byte[] utf8) throws InvalidTokenException {
        String part = "claims";
        try (JsonParser parser = StrictJson.parser(StrictJson.decode(utf8, part))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidTokenException(part + " is not a JSON object");
            }
            Object[] values = new Object[KEPT];
            Set<String> otherNames = null;
            for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                // the duplicate check comes before the value is read, as in StrictJson
                String name = parser.getString();
                int member = indexOf(name);
                if (member < 0) {
                    if (otherNames == null) {
                        otherNames = new HashSet<>();
                    }
                    if (!otherNames.add(name)) {
                        throw duplicate(part);
                    }
                    skip(parser, parser.next(), 2, part);
                } else {
                    if (values[member] != null) {
                        throw duplicate(part);
                    }
                    values[member] = keep(parser, parser.next(), part);
                }
            }
            if (parser.hasNext()) {
                throw new InvalidTokenException(part + " has data after the JSON object");
            }
            return new Kept(values);
        } catch (RuntimeException e) {
            // as StrictJson: any runtime exception of the provider means malformed input
            throw new InvalidTokenException(part + " is not valid JSON", e);
        }
    }

    private static int indexOf(String name) {
        return switch (name) {
            case "exp" -> EXP;
            case "nbf" -> NBF;
            case "iat" -> IAT;
            case "iss" -> ISS;
            case "aud" -> AUD;
            case "sub" -> SUB;
            case "upn" -> UPN;
            case "preferred_username" -> PREFERRED_USERNAME;
            case "groups" -> GROUPS;
            case "jti" -> JTI;
            default -> -1;
        };
    }

    /** A top-level value of a kept member, at depth 2. */
    private static Object keep(JsonParser parser, JsonParser.Event event, String part) throws InvalidTokenException {
        switch (event) {
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER -> {
                return parser.getValue();
            }
            case START_ARRAY -> {
                StrictJson.checkDepth(2, part);
                List<String> strings = new ArrayList<>();
                boolean onlyStrings = true;
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    if (next == JsonParser.Event.VALUE_STRING) {
                        strings.add(parser.getString());
                    } else {
                        onlyStrings = false;
                        skip(parser, next, 3, part);
                    }
                }
                return onlyStrings ? strings : OTHER;
            }
            default -> {
                skip(parser, event, 2, part);
                return OTHER;
            }
        }
    }

    /** Walks a value without keeping it, checking depth and duplicate names as StrictJson does. */
    private static void skip(JsonParser parser, JsonParser.Event event, int depth, String part)
            throws InvalidTokenException {
        switch (event) {
            case START_OBJECT -> {
                StrictJson.checkDepth(depth, part);
                Set<String> names = new HashSet<>();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
                    if (!names.add(parser.getString())) {
                        throw duplicate(part);
                    }
                    skip(parser, parser.next(), depth + 1, part);
                }
            }
            case START_ARRAY -> {
                StrictJson.checkDepth(depth, part);
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    skip(parser, next, depth + 1, part);
                }
            }
            case VALUE_NUMBER -> {
                // StrictJson builds every number, and a provider may refuse one only then (Parsson
                // refuses very long numbers), so this builds it too and drops it
                parser.getValue();
            }
            default -> {
                // a string, true, false or null: the parser has already checked it
            }
        }
    }

    private static InvalidTokenException duplicate(String part) {
        return new InvalidTokenException(part + " is not valid JSON: duplicate member");
    }
}
