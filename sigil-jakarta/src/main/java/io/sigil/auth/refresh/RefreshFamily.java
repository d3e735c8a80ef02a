package io.sigil.auth.refresh;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of one refresh token family: who it belongs to, when it started and was last used,
 * which generation of refresh token is current (and the SHA-256 of that token, never the token),
 * and the access tokens issued from it that have not yet expired. Stored in the shared map as a
 * small JSON string, so any server's cache can hold and compare it. Immutable.
 *
 * @param caller       the caller name
 * @param groups       the caller's groups, copied into every access token of the family
 * @param created      when the password login started the family (epoch seconds)
 * @param lastUsed     when a token of the family was last issued (epoch seconds)
 * @param generation   the generation of the current refresh token (0 for the first)
 * @param tokenHash    base64url SHA-256 of the current refresh token
 * @param accessTokens {@code jti} → {@code exp} (epoch seconds) of the family's access tokens
 */
public record RefreshFamily(String caller, Set<String> groups, long created, long lastUsed, long generation,
                            String tokenHash, Map<String, Long> accessTokens) {

    /** Copies the collections. */
    public RefreshFamily {
        groups = Set.copyOf(groups);
        accessTokens = Map.copyOf(accessTokens);
    }

    /**
     * @param now      the current time
     * @param settings the idle timeout and absolute lifetime
     * @return whether the family has ended by time: idle too long, or past its absolute lifetime
     */
    public boolean expired(Instant now, RefreshSettings settings) {
        long seconds = now.getEpochSecond();
        return seconds >= lastUsed + settings.idleTimeout().toSeconds()
                || seconds >= created + settings.absoluteLifetime().toSeconds();
    }

    /** @return when the family ends if unused (epoch seconds) */
    long endsAt(RefreshSettings settings) {
        return Math.min(lastUsed + settings.idleTimeout().toSeconds(), created + settings.absoluteLifetime().toSeconds());
    }

    /**
     * The next state after a successful refresh.
     *
     * @param now         the current time
     * @param newHash     hash of the new refresh token
     * @param accessId    {@code jti} of the new access token
     * @param accessUntil its {@code exp}
     * @return the family with the next generation; access tokens that have expired are dropped
     */
    public RefreshFamily rotate(Instant now, String newHash, String accessId, Instant accessUntil) {
        Map<String, Long> live = new LinkedHashMap<>();
        accessTokens.forEach((id, exp) -> {
            if (exp >= now.getEpochSecond()) {
                live.put(id, exp);
            }
        });
        live.put(accessId, accessUntil.getEpochSecond());
        return new RefreshFamily(caller, groups, created, now.getEpochSecond(), generation + 1, newHash, live);
    }

    /** @return the JSON text stored in the map */
    public String encode() {
        JsonArrayBuilder g = Json.createArrayBuilder();
        new TreeSet<>(groups).forEach(g::add);
        JsonObjectBuilder a = Json.createObjectBuilder();
        accessTokens.forEach(a::add);
        return Json.createObjectBuilder().add("c", caller).add("g", g).add("t0", created).add("tu", lastUsed)
                .add("n", generation).add("h", tokenHash).add("a", a).build().toString();
    }

    /**
     * @param value a map value
     * @return the family it encodes, or null if it is not one
     */
    public static RefreshFamily decode(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Set<String> groups = new TreeSet<>();
            for (JsonValue group : json.getJsonArray("g")) {
                groups.add(((JsonString) group).getString());
            }
            Map<String, Long> access = new LinkedHashMap<>();
            json.getJsonObject("a").forEach((id, exp) -> access.put(id, ((JsonNumber) exp).longValue()));
            return new RefreshFamily(json.getString("c"), groups, json.getJsonNumber("t0").longValue(),
                    json.getJsonNumber("tu").longValue(), json.getJsonNumber("n").longValue(), json.getString("h"), access);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalStateException e) {
            return null;
        }
    }
}
