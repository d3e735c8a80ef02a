package io.sigil.auth.mechanism;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The small record of a form login kept in the HttpSession. The mechanism re-establishes the
 * caller from it on every request, so a replicated session carries the login and its groups to
 * any node without relying on a container's identity cache.
 * <p>
 * It is stored as a {@link String} ({@link #encode()}), not as this object: a distributable
 * session manager must assume that a mutable-looking attribute changed whenever a request read
 * it, and writes it back to the session cache (and to the other nodes) at the end of that request.
 * WildFly does so for every attribute whose class it does not know to be immutable. A String is
 * immutable on every server, so reading the login on each request writes nothing. Immutable.
 *
 * @param name      the caller name
 * @param groups    the caller's groups
 * @param loginTime when the caller logged in
 */
record SessionLogin(String name, Set<String> groups, Instant loginTime) implements Serializable {

    /** The session attribute that holds the encoded login. */
    static final String ATTRIBUTE = SessionLogin.class.getName();

    /** Copies the groups. */
    SessionLogin {
        groups = Set.copyOf(groups);
    }

    /** @return the text kept in the session: a small JSON object */
    String encode() {
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.stream().sorted().forEach(groupArray::add);
        return Json.createObjectBuilder().add("name", name).add("groups", groupArray)
                .add("loginTime", loginTime.getEpochSecond()).build().toString();
    }

    /**
     * @param stored what {@link #encode()} wrote, or the record itself (as earlier versions of
     *               Sigil kept it, so that their sessions stay logged in), or whatever else the
     *               attribute holds
     * @return the login, or empty if the attribute holds anything else (nobody logged in)
     */
    static Optional<SessionLogin> decode(Object stored) {
        if (stored instanceof SessionLogin record) {
            return Optional.of(record);
        }
        if (!(stored instanceof String text)) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            if (!(json.get("name") instanceof JsonString name) || !(json.get("loginTime") instanceof JsonNumber time)
                    || json.get("groups") == null || json.get("groups").getValueType() != JsonValue.ValueType.ARRAY) {
                return Optional.empty();
            }
            Set<String> groups = new LinkedHashSet<>();
            for (JsonValue group : json.getJsonArray("groups")) {
                if (!(group instanceof JsonString value)) {
                    return Optional.empty();
                }
                groups.add(value.getString());
            }
            return Optional.of(new SessionLogin(name.getString(), groups, Instant.ofEpochSecond(time.longValue())));
        } catch (JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
