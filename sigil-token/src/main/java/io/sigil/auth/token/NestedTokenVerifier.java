package io.sigil.auth.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Verifies signed tokens (JWS) and, when a {@link JweDecryptor} is configured, signed-then-encrypted
 * ones (a JWE whose content is a JWS, {@code cty} {@code JWT}): the JWE is decrypted, then its
 * content goes through the same {@link TokenVerifier} as a plain JWS, signature first, then claims.
 *
 * <p>A JWE whose content is not a signed token ({@code cty} other than {@code JWT}, or the claims
 * themselves) is refused: anyone holding the public key can encrypt, so only a signature proves
 * who issued the claims (MicroProfile JWT 2.1 makes such "encrypted only" tokens optional, and
 * requires signed-then-encrypted ones when verification keys are configured, as they always are
 * in Sigil). A token that is not three parts, with no decryptor, meets the verifier's own refusal.
 *
 * <p>Thread-safe if its verifier and decryptor are.
 */
public final class NestedTokenVerifier {

    private final TokenVerifier verifier;
    private final JweDecryptor decryptor;
    private final TokenVerifier plainVerifier;

    /**
     * @param verifier  checks signed tokens, plain or nested
     * @param decryptor decrypts encrypted tokens; empty, only signed tokens are accepted
     */
    public NestedTokenVerifier(TokenVerifier verifier, Optional<JweDecryptor> decryptor) {
        this(verifier, decryptor, verifier);
    }

    /**
     * @param verifier      checks the signed token inside an encrypted one, and plain signed
     *                      tokens when there is no decryptor
     * @param decryptor     decrypts encrypted tokens; empty, only signed tokens are accepted
     * @param plainVerifier checks plain (not encrypted) signed tokens while a decryptor is set,
     *                      usually under fewer keys than {@code verifier}: MicroProfile JWT 2.1
     *                      refuses an issuer's plain tokens once tokens are to be encrypted
     */
    public NestedTokenVerifier(TokenVerifier verifier, Optional<JweDecryptor> decryptor, TokenVerifier plainVerifier) {
        this.verifier = verifier;
        this.decryptor = decryptor.orElse(null);
        this.plainVerifier = decryptor.isPresent() ? plainVerifier : verifier;
    }

    /** @return whether encrypted tokens are accepted */
    public boolean decrypts() {
        return decryptor != null;
    }

    /**
     * Verifies a token.
     *
     * @param compact a JWS, or a JWE holding one, as presented
     * @return the verified token, its {@link VerifiedToken#compact()} the token as presented
     * @throws InvalidTokenException if anything about the token is wrong; nothing else is thrown
     *                               for any input
     */
    public VerifiedToken verify(String compact) throws InvalidTokenException {
        if (decryptor == null || compact == null || dots(compact) == 2) {
            return plainVerifier.verify(compact);
        }
        JweDecryptor.Decrypted decrypted = decryptor.decrypt(compact);
        String type = decrypted.contentType();
        if (type == null || !type.equalsIgnoreCase("JWT") && !type.equalsIgnoreCase("application/jwt")) {
            throw new InvalidTokenException("encrypted token does not carry a signed token");
        }
        // non-ASCII bytes become U+FFFD, which the verifier's base64url check refuses
        VerifiedToken inner = verifier.verify(new String(decrypted.plaintext(), StandardCharsets.US_ASCII));
        return new VerifiedToken(compact, inner.keyId(), inner.claims());
    }

    /** @return the number of dots, counted up to 5 */
    private static int dots(String compact) {
        int count = 0;
        for (int i = compact.indexOf('.'); i >= 0 && count < 5; i = compact.indexOf('.', i + 1)) {
            count++;
        }
        return count;
    }
}
