package io.sigil.auth.endpoints;

import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.refresh.RefreshFamilies;
import io.sigil.auth.throttle.LoginThrottle;
import io.sigil.auth.token.IssuedToken;
import io.sigil.auth.token.TokenIssuer;
import io.sigil.auth.identitystore.PasswordCheck;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A password sign-in that ends in tokens, shared by the token endpoint's password grant and the
 * form login in cookie mode: the {@link LoginThrottle} first (nothing is hashed while it holds the
 * account or address back), then the application's identity stores through the
 * {@link IdentityStoreHandler}, then an access token and, unless refresh tokens are off, a new
 * refresh token family. Stateless.
 */
final class PasswordSignIn {

    private static final Logger LOG = Logger.getLogger(PasswordSignIn.class.getName());

    /** How a sign-in ended. */
    sealed interface Outcome {
    }

    /** @param retryAfter how long the throttle holds the attempts back */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /** Wrong user name or password. */
    record Refused() implements Outcome {
    }

    /** No identity store could answer (a user store is down): 503 with Retry-After, see {@link PasswordCheck}. */
    record Unavailable() implements Outcome {
    }

    /**
     * @param caller       the caller's name
     * @param access       the access token
     * @param lifetime     its lifetime
     * @param refreshToken the first refresh token of a new family, or null when refresh tokens are off
     */
    record Granted(String caller, IssuedToken access, Duration lifetime, String refreshToken) implements Outcome {
    }

    private PasswordSignIn() {
    }

    /**
     * @param request  the request, for the client's address
     * @param username the user name, checked for length by the caller
     * @param password the password
     * @return the outcome
     */
    static Outcome attempt(HttpServletRequest request, String username, String password) {
        LoginThrottle throttle = CDI.current().select(LoginThrottle.class).get();
        SigilMetrics metrics = CDI.current().select(SigilMetrics.class).get();
        Optional<Duration> wait = throttle.retryAfter(username, request.getRemoteAddr());
        if (wait.isPresent()) {
            metrics.loginThrottled();
            return new Throttled(wait.get());
        }
        PasswordCheck.Outcome checked = PasswordCheck.validate(CDI.current().select(IdentityStoreHandler.class).get(),
                new UsernamePasswordCredential(username, password));
        if (checked instanceof PasswordCheck.Unavailable) {
            return new Unavailable();
        }
        if (!(checked instanceof PasswordCheck.Valid valid)) {
            throttle.failed(username, request.getRemoteAddr());
            metrics.passwordGrantRefused();
            return new Refused();
        }
        CredentialValidationResult result = valid.result();
        throttle.succeeded(username);
        TokenIssuer issuer = CDI.current().select(TokenIssuer.class).get();
        RefreshFamilies families = CDI.current().select(RefreshFamilies.class).get();
        String name = result.getCallerPrincipal().getName();
        IssuedToken token = issuer.issue(name, result.getCallerGroups());
        metrics.tokenIssued(SigilMetrics.Grant.PASSWORD);
        String refresh = families.settings().enabled() ? families.start(name, result.getCallerGroups(), token) : null;
        LOG.fine(() -> "issued token jti=" + token.tokenId() + " to " + name);
        return new Granted(name, token, issuer.lifetime(), refresh);
    }
}
