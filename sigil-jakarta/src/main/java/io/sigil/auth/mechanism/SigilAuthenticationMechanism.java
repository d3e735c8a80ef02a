package io.sigil.auth.mechanism;

import io.sigil.auth.config.SigilConfig;
import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.identitystore.PasswordCheck;
import io.sigil.auth.identitystore.TokenCredential;
import io.sigil.auth.identitystore.TokenIdentityStore;
import io.sigil.auth.metrics.RefusalReason;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.metrics.SigilMetrics.LoginResult;
import io.sigil.auth.revocation.RevocationStore;
import io.sigil.auth.throttle.LoginThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sigil's HTTP authentication mechanism. On each request, in this order:
 * <ol>
 * <li>a programmatic login ({@code SecurityContext.authenticate} with a user name and password)
 * is first checked against the {@link LoginThrottle} (a throttled attempt answers 429 with
 * {@code Retry-After} and reaches no identity store), then validated and recorded in a fresh
 * HttpSession; when no identity store could answer, the response gets 503 and
 * {@code Retry-After} instead of 401 (see {@link PasswordCheck});</li>
 * <li>a token (in {@code Authorization: Bearer}, or where {@code mp.jwt.token.header} and
 * {@code mp.jwt.token.cookie} say, or in cookie mode's access token cookie, see
 * {@link TokenExtractor}) is validated; an invalid one is answered with 401 {@code invalid_token}
 * and never rescued by a session; a valid one from cookie mode's cookie on a state-changing
 * request that does not prove it comes from the application's own pages ({@link CsrfGuard}) is
 * answered with 403;</li>
 * <li>without a token, the login recorded in the HttpSession authenticates the caller, unless the
 * caller logged out everywhere or changed the password since (the caller's not-before in the
 * {@link RevocationStore}, seen by every node): then the session is invalidated;</li>
 * <li>otherwise a protected resource is answered with a 401 Bearer challenge.</li>
 * </ol>
 * Validation is the identity stores' work; this class only extracts and decides. A token goes to
 * Sigil's token store directly unless the application has a groups-only identity store
 * ({@link TokenRoute}); passwords go through the {@link IdentityStoreHandler}. Thread-safe.
 */
@ApplicationScoped
public class SigilAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(SigilAuthenticationMechanism.class.getName());
    private static final String BEARER = "Bearer";

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    SigilSettings settings;

    @Inject
    LoginThrottle throttle;

    @Inject
    RevocationStore revocations;

    @Inject
    SigilMetrics metrics;

    @Inject
    TokenIdentityStore tokenStore;

    @Inject
    Instance<IdentityStore> identityStores;

    /** Only to see whether the application replaced the identity store handler; null in unit tests. */
    @Inject
    BeanManager beanManager;

    private Function<TokenCredential, CredentialValidationResult> tokenValidation;

    @PostConstruct
    void init() {
        tokenValidation = TokenRoute.choose(identityStoreHandler, applicationHandler(), tokenStore, identityStores);
    }

    /** Whether the resolved {@link IdentityStoreHandler} is an alternative, i.e. the application's own. */
    private boolean applicationHandler() {
        if (beanManager == null) {
            return false;
        }
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(IdentityStoreHandler.class));
        return bean != null && bean.isAlternative();
    }

    /** The extractor for the configuration it was built for; built again when the settings change. */
    private volatile ExtractorFor extractor;

    private record ExtractorFor(SigilConfig config, TokenExtractor extractor) {
    }

    private TokenExtractor extractor(SigilConfig config) {
        ExtractorFor known = extractor;
        if (known == null || known.config() != config) {
            known = new ExtractorFor(config, new TokenExtractor(config.transport(),
                    config.cookies().enabled() ? config.cookies().accessCookie() : null));
            extractor = known;
        }
        return known.extractor();
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SigilConfig config = settings.current();
        Credential login = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && login instanceof UsernamePasswordCredential) {
            return passwordLogin(request, context, (UsernamePasswordCredential) login);
        }

        Optional<AuthenticationStatus> byToken = validateToken(request, response, context::notifyContainerAboutLogin);
        if (byToken.isPresent()) {
            return byToken.get();
        }

        HttpSession session = request.getSession(false);
        SessionLogin record = session == null ? null
                : SessionLogin.decode(session.getAttribute(SessionLogin.ATTRIBUTE)).orElse(null);
        if (record != null && stillValid(session, record)) {
            request.setAttribute(AuthenticatedCaller.ATTRIBUTE,
                    new AuthenticatedCaller(record.name(), record.groups(), AuthenticatedCaller.Method.SESSION));
            return context.notifyContainerAboutLogin(record.name(), record.groups());
        }

        if (context.isProtected() || context.isAuthenticationRequest()) {
            return unauthorized(response, config, null);
        }
        return context.doNothing();
    }

    /**
     * How a caller that a token authenticated is handed to the container: Jakarta Security's
     * {@link HttpMessageContext#notifyContainerAboutLogin(CredentialValidationResult)}, or the
     * direct token path's own Jakarta Authentication callbacks ({@link DirectTokenPath}).
     */
    @FunctionalInterface
    public interface ContainerLogin {

        /**
         * @param result a valid result of the token's validation
         * @return the status of the request's authentication
         */
        AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result);
    }

    /**
     * The token step of {@link #validateRequest} alone: the whole decision for a request that
     * carries a token, nothing for one that does not. The direct token path
     * ({@link DirectTokenPath}) calls it without Jakarta Security's bridge in between.
     *
     * @param request  the request
     * @param response its response
     * @param login    how a valid caller is handed to the container
     * @return the outcome for a request with a token (valid, invalid, malformed, cross-site);
     *         empty when the request carries none
     */
    public Optional<AuthenticationStatus> validateToken(HttpServletRequest request, HttpServletResponse response,
                                                        ContainerLogin login) {
        SigilConfig config = settings.current();
        TokenExtractor.Result extracted = extractor(config).extract(request);
        if (extracted instanceof TokenExtractor.Malformed malformed) {
            return Optional.of(badRequest(response, config, malformed.reason()));
        }
        if (extracted instanceof TokenExtractor.Found found) {
            return Optional.of(tokenLogin(request, response, login, config, found));
        }
        return Optional.empty();
    }

    private AuthenticationStatus tokenLogin(HttpServletRequest request, HttpServletResponse response,
                                            ContainerLogin login, SigilConfig config, TokenExtractor.Found found) {
        CredentialValidationResult result = tokenValidation.apply(new TokenCredential(found.token()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, config, "invalid_token");
        }
        if (found.browserCookie() && !TokenExtractor.isSafe(request)
                && !CsrfGuard.sameOrigin(request, result.getCallerPrincipal().getName(),
                        config.keys().signingKey(), config.cookies().csrfCookie())) {
            LOG.log(Level.FINE, "cross-site {0} with the access token cookie refused", request.getMethod());
            response.setHeader("Cache-Control", "no-store");
            return sendError(response, HttpServletResponse.SC_FORBIDDEN);
        }
        request.setAttribute(AuthenticatedCaller.ATTRIBUTE, new AuthenticatedCaller(
                result.getCallerPrincipal().getName(), result.getCallerGroups(), AuthenticatedCaller.Method.TOKEN));
        request.setAttribute(AuthenticatedCaller.TOKEN_ATTRIBUTE, result.getCallerPrincipal());
        return login.notifyContainerAboutLogin(result);
    }

    /** A session login started at or before the caller's not-before has ended: the session goes. */
    private boolean stillValid(HttpSession session, SessionLogin record) {
        Optional<Instant> notBefore = revocations.notBefore(record.name());
        if (notBefore.isEmpty() || record.loginTime().getEpochSecond() > notBefore.get().getEpochSecond()) {
            return true;
        }
        LOG.log(Level.FINE, "session login of {0} ended by a logout everywhere or a password change", record.name());
        try {
            session.invalidate();
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "session already invalidated", e);
        }
        return false;
    }

    private AuthenticationStatus passwordLogin(HttpServletRequest request, HttpMessageContext context,
                                               UsernamePasswordCredential login) {
        String username = login.getCaller();
        Optional<Duration> wait = throttle.retryAfter(username, request.getRemoteAddr());
        if (wait.isPresent()) {
            metrics.loginThrottled();
            request.setAttribute(LoginThrottle.RETRY_AFTER_ATTRIBUTE, wait.get());
            context.getResponse().setStatus(429);
            context.getResponse().setHeader("Retry-After", Long.toString(wait.get().toSeconds()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        PasswordCheck.Outcome outcome = PasswordCheck.validate(identityStoreHandler, login);
        if (outcome instanceof PasswordCheck.Unavailable) {
            // Not 401: the password may be right; the caller is asked to come back (see PasswordCheck).
            metrics.sessionLogin(LoginResult.UNAVAILABLE);
            context.getResponse().setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            context.getResponse().setHeader("Retry-After", String.valueOf(PasswordCheck.RETRY_AFTER_SECONDS));
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!(outcome instanceof PasswordCheck.Valid valid)) {
            throttle.failed(username, request.getRemoteAddr());
            metrics.sessionLogin(LoginResult.FAILED);
            context.getResponse().setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = valid.result();
        throttle.succeeded(username);
        metrics.sessionLogin(LoginResult.OK);
        String name = result.getCallerPrincipal().getName();
        HttpSession session = request.getSession(false);
        if (session != null) {
            // A new login must not reuse an identifier an attacker may have planted.
            request.changeSessionId();
        } else {
            session = request.getSession(true);
        }
        session.setAttribute(SessionLogin.ATTRIBUTE,
                new SessionLogin(name, result.getCallerGroups(), Instant.now()).encode());
        request.setAttribute(AuthenticatedCaller.ATTRIBUTE,
                new AuthenticatedCaller(name, result.getCallerGroups(), AuthenticatedCaller.Method.SESSION));
        LOG.log(Level.FINE, "session login for {0}", name);
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, SigilConfig config, String error) {
        String challenge = BEARER + " realm=\"" + config.realm() + "\""
                + (error == null ? "" : ", error=\"" + error + "\"");
        return fail(response, HttpServletResponse.SC_UNAUTHORIZED, challenge);
    }

    private AuthenticationStatus badRequest(HttpServletResponse response, SigilConfig config, String reason) {
        LOG.log(Level.FINE, "malformed token in the request: {0}", reason);
        metrics.tokenRefused(RefusalReason.MALFORMED);
        return fail(response, HttpServletResponse.SC_BAD_REQUEST,
                BEARER + " realm=\"" + config.realm() + "\", error=\"invalid_request\"");
    }

    /**
     * Ends the request with an error status and a challenge. The body is left to the
     * application's error page, as the container renders it for {@code sendError}.
     */
    private static AuthenticationStatus fail(HttpServletResponse response, int status, String challenge) {
        response.setHeader("WWW-Authenticate", challenge);
        response.setHeader("Cache-Control", "no-store");
        return sendError(response, status);
    }

    private static AuthenticationStatus sendError(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "could not send the error status", e);
            response.setStatus(status);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
