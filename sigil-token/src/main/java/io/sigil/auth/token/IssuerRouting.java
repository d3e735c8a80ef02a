package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;
import io.sigil.auth.token.internal.StrictJson;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Verifies tokens of several issuers, each only under its own keys: the token's {@code iss},
 * read before any signature check, only chooses which issuer's verifier sees the token; that
 * verifier then checks the signature with that issuer's keys alone, and only then the claims,
 * its policy requiring that same {@code iss}. A key of issuer X therefore never verifies a token
 * that claims issuer Y, and a token claiming an issuer nobody configured is refused before any
 * key is tried ({@code unknown issuer}).
 *
 * <p>The deployment's own issuer has its own verifier (which also takes encrypted tokens: a
 * token that is not a three-part JWS always goes there). A token of an outside issuer gets its
 * groups from that issuer's {@link ClaimPath} (for example Keycloak's
 * {@code realm_access/roles}) instead of {@code groups}.
 *
 * <p>Without outside issuers a token goes straight to the own verifier, with no extra work.
 * Immutable and thread-safe if the verifiers are.
 */
public final class IssuerRouting {

    /** Verifies a token of one issuer, as {@link NestedTokenVerifier#verify} does. */
    @FunctionalInterface
    public interface Verifier {
        /**
         * @param compact the token as presented
         * @return the verified token
         * @throws InvalidTokenException if the token is refused
         */
        VerifiedToken verify(String compact) throws InvalidTokenException;
    }

    /**
     * One outside issuer.
     *
     * @param verifier checks signatures with this issuer's keys only, and claims with a policy
     *                 whose issuer is this issuer's {@code iss}
     * @param groups   where this issuer's tokens carry the caller's groups
     */
    public record Route(TokenVerifier verifier, ClaimPath groups) {
    }

    private final String ownIssuer;
    private final Verifier own;
    private final Map<String, Route> outside;
    private final int maxTokenLength;

    /**
     * @param ownIssuer      the deployment's own {@code iss}
     * @param own            verifies the deployment's own tokens (and encrypted ones)
     * @param outside        the outside issuers by their {@code iss}; none may be {@code ownIssuer}
     * @param maxTokenLength the longest token read at all, in characters
     * @throws IllegalArgumentException if an outside issuer has the own issuer's {@code iss}
     */
    public IssuerRouting(String ownIssuer, Verifier own, Map<String, Route> outside, int maxTokenLength) {
        if (outside.containsKey(ownIssuer)) {
            throw new IllegalArgumentException("an outside issuer cannot have the deployment's own iss");
        }
        this.ownIssuer = ownIssuer;
        this.own = own;
        this.outside = Map.copyOf(new HashMap<>(outside));
        this.maxTokenLength = maxTokenLength;
    }

    /** @return the {@code iss} values of the outside issuers */
    public Set<String> outsideIssuers() {
        return outside.keySet();
    }

    /**
     * Verifies a token under the keys of the issuer it names.
     *
     * @param compact the token as presented
     * @return the verified token; for an outside issuer, with the groups of its claim path
     * @throws InvalidTokenException if the token is refused, for any reason; nothing else is thrown
     */
    public VerifiedToken verify(String compact) throws InvalidTokenException {
        if (outside.isEmpty() || compact == null || compact.length() > maxTokenLength) {
            return own.verify(compact);
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            return own.verify(compact); // encrypted (five parts) or malformed: the own verifier decides
        }
        // Not trusted yet: the issuer named here only chooses the keys the signature must match.
        JsonObject unverified = StrictJson.parseObject(Base64Url.decode(compact, firstDot + 1, secondDot), "claims");
        String issuer = unverified.get("iss") instanceof JsonString iss ? iss.getString() : null;
        if (ownIssuer.equals(issuer)) {
            return own.verify(compact);
        }
        Route route = issuer == null ? null : outside.get(issuer);
        if (route == null) {
            throw new InvalidTokenException("unknown issuer");
        }
        VerifiedToken token = route.verifier().verify(compact);
        if (route.groups().isStandardGroups()) {
            return token;
        }
        JwtClaims claims = token.claims();
        return new VerifiedToken(token.compact(), token.keyId(), new JwtClaims(claims.name(), claims.subject(),
                claims.issuer(), claims.audience(), route.groups().groupsIn(claims.json()), claims.issuedAt(),
                claims.expiresAt(), claims.tokenId(), claims.json()));
    }

    @Override
    public String toString() {
        return "IssuerRouting[own=" + ownIssuer + ", outside=" + outside.keySet() + "]";
    }
}
