package io.sigil.auth.inject;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Produces {@code @Inject @Claim(...)} values (MicroProfile JWT 2.1, section 7.2). {@code @Claim}'s
 * members are {@code @Nonbinding}, so each method here serves every claim of its type; the
 * injection point names the claim. Raw types and {@code Optional} are {@code @Dependent}: read once,
 * when the bean that injects them is created, so inject them into {@code @RequestScoped} beans (or
 * through {@code Provider}/{@code Instance}, which read on {@code get()}). {@link ClaimValue} reads
 * the current request's token on every {@code getValue()} and may go anywhere. Thread-safe.
 */
@ApplicationScoped
public class ClaimProducers {

    @Inject
    JsonWebToken token;

    private Object claim(InjectionPoint injectionPoint) {
        return ClaimConversions.claim(token, ClaimConversions.claimName(injectionPoint), injectionPoint.getType());
    }

    @Produces
    @Claim
    @Typed(ClaimValue.class)
    <T> ClaimValue<T> claimValue(InjectionPoint injectionPoint) {
        return new InjectedClaimValue<>(ClaimConversions.claimName(injectionPoint),
                ClaimConversions.argument(injectionPoint.getType()), token);
    }

    @Produces
    @Claim
    @Typed(String.class)
    String string(InjectionPoint injectionPoint) {
        return (String) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Long.class)
    Long number(InjectionPoint injectionPoint) {
        return (Long) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Double.class)
    Double decimal(InjectionPoint injectionPoint) {
        return (Double) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Boolean.class)
    Boolean bool(InjectionPoint injectionPoint) {
        return (Boolean) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Set.class)
    @SuppressWarnings("unchecked")
    Set<String> strings(InjectionPoint injectionPoint) {
        return (Set<String>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonValue.class)
    JsonValue jsonValue(InjectionPoint injectionPoint) {
        return (JsonValue) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonString.class)
    JsonString jsonString(InjectionPoint injectionPoint) {
        return (JsonString) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonNumber.class)
    JsonNumber jsonNumber(InjectionPoint injectionPoint) {
        return (JsonNumber) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonArray.class)
    JsonArray jsonArray(InjectionPoint injectionPoint) {
        return (JsonArray) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonObject.class)
    JsonObject jsonObject(InjectionPoint injectionPoint) {
        return (JsonObject) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<String> optionalString(InjectionPoint injectionPoint) {
        return (Optional<String>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<Long> optionalNumber(InjectionPoint injectionPoint) {
        return (Optional<Long>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<Boolean> optionalBool(InjectionPoint injectionPoint) {
        return (Optional<Boolean>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<Set<String>> optionalStrings(InjectionPoint injectionPoint) {
        return (Optional<Set<String>>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<JsonValue> optionalJsonValue(InjectionPoint injectionPoint) {
        return (Optional<JsonValue>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<JsonString> optionalJsonString(InjectionPoint injectionPoint) {
        return (Optional<JsonString>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<JsonNumber> optionalJsonNumber(InjectionPoint injectionPoint) {
        return (Optional<JsonNumber>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<JsonArray> optionalJsonArray(InjectionPoint injectionPoint) {
        return (Optional<JsonArray>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    Optional<JsonObject> optionalJsonObject(InjectionPoint injectionPoint) {
        return (Optional<JsonObject>) claim(injectionPoint);
    }
}
