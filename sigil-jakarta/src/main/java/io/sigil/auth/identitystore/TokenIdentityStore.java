package io.sigil.auth.identitystore;

import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.config.TrustedIssuers;
import io.sigil.auth.metrics.RefusalReason;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.principal.SigilJsonWebToken;
import io.sigil.auth.revocation.RevocationStore;
import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.IssuerRouting;
import io.sigil.auth.token.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates {@link TokenCredential}s with the verifier of the settings in force
 * ({@link SigilSettings#snapshot()}; a {@code NestedTokenVerifier}: signed
 * tokens, and signed-then-encrypted ones when {@code mp.jwt.decrypt.key.location} is set), or, for
 * a token of an outside issuer of {@code sigil.issuers} in force, with that issuer's keys only (see
 * {@link IssuerRouting}), then requires
 * the claims named by {@code sigil.token.required-claims}, then, once the signature and claims
 * have passed, asks the {@link RevocationStore} whether the token was revoked. A token presented
 * again skips the first two steps while it is in the {@link VerifiedTokenCache} (its time claims
 * are checked again; revocation is asked on every request). The caller and
 * groups come from the token alone; the caller need not exist in any user store. Thread-safe.
 */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(TokenIdentityStore.class.getName());

    @Inject
    SigilSettings settings;

    @Inject
    RevocationStore revocations;

    @Inject
    SigilMetrics metrics;

    /** The routing and cache of the snapshot in force. */
    private volatile Routed routed;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TokenCredential tokenCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            SigilSettings.Snapshot now = settings.snapshot();
            Routed check = routedFor(now);
            VerifiedToken token = check.cache().verify(tokenCredential.token(),
                    compact -> verifyInFull(now, check.verifier(), compact));
            if (revocations.isRevoked(token.claims())) {
                LOG.log(Level.FINE, "token refused: revoked (jti={0}, caller={1})",
                        new Object[] {token.claims().tokenId(), token.claims().name()});
                metrics.tokenRefused(RefusalReason.REVOKED);
                return CredentialValidationResult.INVALID_RESULT;
            }
            metrics.tokenAccepted();
            return new CredentialValidationResult(new SigilJsonWebToken(token), token.claims().groups());
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "token refused: {0}", e.reason());
            metrics.tokenRefused(RefusalReason.of(e));
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    /** The check a token that is not in the cache goes through; only tokens that pass it are cached. */
    private static VerifiedToken verifyInFull(SigilSettings.Snapshot now, IssuerRouting.Verifier verifier,
                                              String compact) throws InvalidTokenException {
        VerifiedToken token = verifier.verify(compact);
        token.requireClaims(now.config().requiredClaims());
        return token;
    }

    /**
     * Without outside issuers, the snapshot's own verifier. With them (also a part of the
     * snapshot, so a changed issuer comes with a new snapshot and a new cache), a routing to each
     * issuer's keys in front of it, with the snapshot's cache of routed tokens, which is emptied
     * when Sigil's or an outside issuer's keys change. Built once per snapshot (two threads may both build one; either is right).
     */
    private Routed routedFor(SigilSettings.Snapshot now) {
        Routed known = routed;
        if (known != null && known.snapshot() == now) {
            return known;
        }
        TrustedIssuers outside = now.issuers();
        IssuerRouting.Verifier verifier = outside.isEmpty() ? now.verifier()::verify
                : outside.routing(now.verifier()::verify, now.config().policy())::verify;
        known = new Routed(now, verifier, now.routedCache());
        routed = known;
        return known;
    }

    /** What one snapshot's tokens are checked with. */
    private record Routed(SigilSettings.Snapshot snapshot, IssuerRouting.Verifier verifier, VerifiedTokenCache cache) {
    }

    @Override
    public int priority() {
        return 10;
    }
}
