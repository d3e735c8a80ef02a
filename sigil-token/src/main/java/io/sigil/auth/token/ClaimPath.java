package io.sigil.auth.token;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A path to a claim inside a token's claims, such as {@code realm_access/roles} (Keycloak's realm
 * roles) or plain {@code groups}: member names separated by {@code /}, each naming a member of the
 * object the previous one named. A name that itself contains {@code /} is written in double
 * quotes, as in {@code "https://example.com/roles"}. A path is well formed when it has 1 to
 * {@link #MAX_SEGMENTS} non-empty names, no control character, and its quotes are balanced and
 * wrap whole names only.
 *
 * <p>The path is only ever looked up in claims whose signature has verified. Immutable and
 * thread-safe.
 */
public final class ClaimPath {

    /** The most names a path may have (the claims' own nesting is bounded the same way). */
    public static final int MAX_SEGMENTS = 15;
    /** The longest path accepted, in characters. */
    public static final int MAX_LENGTH = 512;

    private static final ClaimPath GROUPS = new ClaimPath("groups", List.of("groups"));

    private final String text;
    private final List<String> segments;

    private ClaimPath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** @return the path of the standard MicroProfile JWT {@code groups} claim */
    public static ClaimPath groups() {
        return GROUPS;
    }

    /**
     * @param text the path as written, e.g. {@code realm_access/roles}
     * @return the path
     * @throws IllegalArgumentException with a short reason if the path is not well formed
     */
    public static ClaimPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a claim path must not be empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a claim path must be at most " + MAX_LENGTH + " characters");
        }
        List<String> segments = new ArrayList<>();
        int i = 0;
        while (true) {
            if (segments.size() == MAX_SEGMENTS) {
                throw new IllegalArgumentException("a claim path must have at most " + MAX_SEGMENTS + " names");
            }
            int end;
            String segment;
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("a claim path has an unclosed quote");
                }
                segment = text.substring(i + 1, close);
                end = close + 1;
                if (end < text.length() && text.charAt(end) != '/') {
                    throw new IllegalArgumentException("a quote in a claim path must wrap a whole name");
                }
            } else {
                int slash = text.indexOf('/', i);
                end = slash < 0 ? text.length() : slash;
                segment = text.substring(i, end);
                if (segment.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("a quote in a claim path must wrap a whole name");
                }
            }
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("a claim path must not have an empty name");
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("a claim path must not contain control characters");
            }
            segments.add(segment);
            if (end == text.length()) {
                break;
            }
            i = end + 1; // past the '/'
            if (i == text.length()) {
                throw new IllegalArgumentException("a claim path must not have an empty name");
            }
        }
        return segments.equals(GROUPS.segments) ? GROUPS : new ClaimPath(text, List.copyOf(segments));
    }

    /** @return the member names, outermost first */
    public List<String> segments() {
        return segments;
    }

    /** @return whether this is the plain top-level {@code groups} claim */
    public boolean isStandardGroups() {
        return segments.equals(GROUPS.segments);
    }

    /**
     * @param claims the verified claims
     * @return the value at this path, if every name on the way names a member of an object
     */
    public Optional<JsonValue> find(JsonObject claims) {
        JsonValue value = claims;
        for (String name : segments) {
            if (!(value instanceof JsonObject object)) {
                return Optional.empty();
            }
            value = object.get(name);
            if (value == null) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /**
     * Reads groups (roles) at this path: a JSON array of strings gives those strings, a single
     * string gives that one group; anything else (absent, null, a number, an object, an array
     * holding anything but strings) gives no groups.
     *
     * @param claims the verified claims
     * @return the groups, in the token's order, without repeats; never null
     */
    public Set<String> groupsIn(JsonObject claims) {
        Optional<JsonValue> value = find(claims);
        if (value.isEmpty()) {
            return Set.of();
        }
        if (value.get() instanceof JsonString string) {
            return Set.of(string.getString());
        }
        if (!(value.get() instanceof JsonArray array)) {
            return Set.of();
        }
        Set<String> groups = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString string)) {
                return Set.of();
            }
            groups.add(string.getString());
        }
        return Collections.unmodifiableSet(groups);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** @return the path as written */
    @Override
    public String toString() {
        return text;
    }
}
