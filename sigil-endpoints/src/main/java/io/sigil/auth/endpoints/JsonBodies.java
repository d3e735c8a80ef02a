package io.sigil.auth.endpoints;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the small request bodies of the endpoints strictly: at most {@value #MAX_BODY}
 * characters, JSON objects or URL-encoded forms, from the body only (never the query string,
 * which ends up in access logs). Stateless.
 */
final class JsonBodies {

    /** The largest body read, in characters. */
    static final int MAX_BODY = 4096;

    private JsonBodies() {
    }

    /** @return whether the request's media type is {@code type} (parameters such as charset ignored) */
    static boolean hasType(HttpServletRequest request, String type) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return bare.toLowerCase(Locale.ROOT).equals(type);
    }

    /**
     * @return the body as text, or null if it is longer than {@value #MAX_BODY} characters or
     *         declares a charset this JVM does not know (a client's mistake: 400, not 500)
     */
    static String read(HttpServletRequest request) throws IOException {
        Charset charset;
        try {
            String declared = request.getCharacterEncoding();
            charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared.trim());
        } catch (IllegalArgumentException unknownCharset) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        char[] buffer = new char[1024];
        Reader reader = new InputStreamReader(request.getInputStream(), charset);
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            body.append(buffer, 0, n);
            if (body.length() > MAX_BODY) {
                return null;
            }
        }
        return body.toString();
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

    /** @return the fields of a URL-encoded form, or null if it is too long or not valid UTF-8 percent-encoding */
    static Map<String, List<String>> form(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return null;
        }
        Map<String, List<String>> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return fields;
    }

    /** @return the field's only value, or null if it is absent or given more than once */
    static String single(Map<String, List<String>> form, String name) {
        List<String> values = form == null ? null : form.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
