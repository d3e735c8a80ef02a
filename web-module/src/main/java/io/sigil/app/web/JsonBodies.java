package io.sigil.app.web;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Reads small JSON request bodies strictly enough for the auth endpoints. Stateless. */
final class JsonBodies {

    /** The largest body read, in characters. */
    static final int MAX_BODY = 4096;

    private JsonBodies() {
    }

    /** @return the body as a JSON object, or null if it is absent, too long, malformed or not an object */
    static JsonObject object(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** @return the named member if it is a string, else null */
    static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
