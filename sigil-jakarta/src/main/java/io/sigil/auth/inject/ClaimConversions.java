package io.sigil.auth.inject;

import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a claim of a {@link JsonWebToken} into the type of an injection point: {@code String},
 * {@code Long}/{@code long}, {@code Boolean}/{@code boolean}, {@code Double}/{@code double},
 * {@code Set<String>}, the JSON-P types ({@code JsonValue}, {@code JsonString}, {@code JsonNumber},
 * {@code JsonArray}, {@code JsonObject}) and {@code Optional} of any of them. A claim that is
 * missing, or whose JSON type does not fit, gives {@code null} (an empty {@code Optional}; the
 * default value for a primitive). Stateless.
 */
final class ClaimConversions {

    private ClaimConversions() {
    }

    /**
     * @param injectionPoint an injection point qualified with {@link Claim}
     * @return the claim's name: {@code value}, else {@code standard}
     * @throws IllegalArgumentException if it names no claim, or two different ones
     */
    static String claimName(InjectionPoint injectionPoint) {
        // A loop, not a stream: this runs for every claim injected into every request-scoped bean.
        for (Annotation qualifier : injectionPoint.getQualifiers()) {
            if (qualifier instanceof Claim claim) {
                return ClaimNames.of(claim);
            }
        }
        throw new IllegalArgumentException("no @Claim qualifier");
    }

    /**
     * @param token  the token
     * @param name   the claim's name
     * @param target the type to convert to
     * @return the claim as {@code target}, or null (empty, default) when it is missing or does not fit
     */
    static Object claim(JsonWebToken token, String name, Type target) {
        Object raw = token.getClaim(name);
        return convert(raw, target);
    }

    static Object convert(Object raw, Type target) {
        Class<?> type = rawClass(target);
        if (type == Optional.class) {
            return Optional.ofNullable(convert(raw, argument(target)));
        }
        Object value = raw == null ? null : single(raw, type);
        if (value != null || !type.isPrimitive()) {
            return value;
        }
        // The default of a primitive (a ternary would promote the Long to a Double).
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == double.class) {
            return Double.valueOf(0);
        }
        return Long.valueOf(0);
    }

    private static Object single(Object raw, Class<?> type) {
        if (type == String.class) {
            return raw instanceof String ? raw : raw instanceof JsonString string ? string.getString() : null;
        }
        if (type == Long.class || type == long.class) {
            return raw instanceof Number number ? Long.valueOf(number.longValue())
                    : raw instanceof JsonNumber number ? Long.valueOf(number.longValue()) : null;
        }
        if (type == Double.class || type == double.class) {
            return raw instanceof Number number ? Double.valueOf(number.doubleValue())
                    : raw instanceof JsonNumber number ? Double.valueOf(number.doubleValue()) : null;
        }
        if (type == Boolean.class || type == boolean.class) {
            return raw instanceof Boolean ? raw : raw == JsonValue.TRUE ? Boolean.TRUE
                    : raw == JsonValue.FALSE ? Boolean.FALSE : null;
        }
        if (type == Set.class) {
            return strings(raw);
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            JsonValue json = json(raw);
            return type.isInstance(json) ? json : null;
        }
        return type.isInstance(raw) ? raw : null;
    }

    private static Set<String> strings(Object raw) {
        Set<String> set = new LinkedHashSet<>();
        if (raw instanceof Collection<?> items) {
            items.forEach(item -> set.add(item instanceof JsonString s ? s.getString() : String.valueOf(item)));
        } else if (raw instanceof String string) {
            set.add(string);
        } else {
            return null;
        }
        return set;
    }

    /** @return the claim as JSON-P, as it stood in the token */
    static JsonValue json(Object raw) {
        if (raw instanceof JsonValue value) {
            return value;
        }
        if (raw instanceof String string) {
            return Json.createValue(string);
        }
        if (raw instanceof Long || raw instanceof Integer) {
            return Json.createValue(((Number) raw).longValue());
        }
        if (raw instanceof Number number) {
            return Json.createValue(number.doubleValue());
        }
        if (raw instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (raw instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            JsonArray built = array.build();
            return built;
        }
        return null;
    }

    /** @return the first type argument of a parameterized type, {@code Object} otherwise */
    static Type argument(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : Object.class;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
