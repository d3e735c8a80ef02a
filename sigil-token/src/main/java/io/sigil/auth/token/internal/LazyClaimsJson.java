package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidTokenException;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The claims of a verified token as a {@link JsonObject}, parsed by {@link StrictJson} only when
 * first used: most requests need only the members {@link ClaimsReader} kept. The payload has
 * already passed {@link ClaimsReader}, which accepts exactly what {@link StrictJson} accepts, so
 * the object is equal to, and prints the same as, the one an eager parse gives. Immutable, like
 * any JSON-P object. Thread-safe: the parse is a pure function of the payload, so two threads
 * that race on the first use build equal objects and either may be kept.
 */
public final class LazyClaimsJson implements JsonObject {

    private final byte[] payload;
    private volatile JsonObject parsed;

    /** @param payload the verified claims bytes; not copied, never changed */
    LazyClaimsJson(byte[] payload) {
        this.payload = payload;
    }

    private JsonObject object() {
        JsonObject object = parsed;
        if (object == null) {
            try {
                object = StrictJson.parseObject(payload, "claims");
            } catch (InvalidTokenException e) {
                // ClaimsReader accepted these very bytes with the same rules
                throw new IllegalStateException("verified claims no longer parse", e);
            }
            parsed = object;
        }
        return object;
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return object().getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return object().getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return object().getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return object().getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return object().getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return object().getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return object().getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return object().getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return object().getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return object().getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return object().isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public int size() {
        return object().size();
    }

    @Override
    public boolean isEmpty() {
        return object().isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return object().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return object().containsValue(value);
    }

    @Override
    public JsonValue get(Object key) {
        return object().get(key);
    }

    @Override
    public JsonValue put(String key, JsonValue value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JsonValue remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonValue> m) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> keySet() {
        return object().keySet();
    }

    @Override
    public Collection<JsonValue> values() {
        return object().values();
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return object().entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || object().equals(other);
    }

    @Override
    public int hashCode() {
        return object().hashCode();
    }

    @Override
    public String toString() {
        return object().toString();
    }
}
