package io.sigil.auth.mechanism;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * One server authentication context of the direct token path ({@link DirectTokenPath}). The
 * container's first {@code validateRequest} of a request that carries a token is decided by
 * {@link SigilAuthenticationMechanism#validateToken}, and a valid caller is handed to the
 * container with the Jakarta Authentication callbacks ({@code CallerPrincipalCallback},
 * {@code GroupPrincipalCallback}) that Jakarta Security itself would send. Everything else goes to
 * the wrapped context: requests without a token, and any later {@code validateRequest} of the
 * same request (a programmatic {@code HttpServletRequest.authenticate}, for example a form login
 * through {@code SecurityContext.authenticate}), so that those keep Jakarta Security's semantics.
 * Thread-safe: no state of its own beyond what it is built with.
 */
final class DirectTokenContext implements ServerAuthContext {

    /** Marks a request whose first authentication this path has seen. */
    static final String SEEN = DirectTokenContext.class.getName() + ".seen";
    /** Marks a request this path authenticated, so that its response is not sent to the bridge. */
    static final String DIRECT = DirectTokenContext.class.getName() + ".direct";

    private final ServerAuthContext container;
    private final CallbackHandler handler;
    private final Supplier<SigilAuthenticationMechanism> mechanism;

    DirectTokenContext(ServerAuthContext container, CallbackHandler handler,
                       Supplier<SigilAuthenticationMechanism> mechanism) {
        this.container = container;
        this.handler = handler;
        this.mechanism = mechanism;
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        if (!(message.getRequestMessage() instanceof HttpServletRequest request)
                || !(message.getResponseMessage() instanceof HttpServletResponse response)
                || request.getAttribute(SEEN) != null) {
            return container.validateRequest(message, client, service);
        }
        request.setAttribute(SEEN, Boolean.TRUE);
        Optional<AuthenticationStatus> byToken = mechanism.get().validateToken(request, response,
                result -> login(client, result));
        if (byToken.isEmpty()) {
            return container.validateRequest(message, client, service);
        }
        request.setAttribute(DIRECT, Boolean.TRUE);
        return switch (byToken.get()) {
            case SUCCESS, NOT_DONE -> AuthStatus.SUCCESS;
            case SEND_CONTINUE -> AuthStatus.SEND_CONTINUE;
            case SEND_FAILURE -> AuthStatus.SEND_FAILURE;
        };
    }

    /** Tells the container who the caller is, as Jakarta Security's {@code notifyContainerAboutLogin} does. */
    private AuthenticationStatus login(Subject client, CredentialValidationResult result) {
        Set<String> groups = result.getCallerGroups();
        CallerPrincipalCallback caller = new CallerPrincipalCallback(client, result.getCallerPrincipal());
        Callback[] callbacks = groups == null || groups.isEmpty() ? new Callback[] {caller}
                : new Callback[] {caller, new GroupPrincipalCallback(client, groups.toArray(String[]::new))};
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw new IllegalStateException("the container refused the caller's principal", e);
        }
        return AuthenticationStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
        if (message.getRequestMessage() instanceof HttpServletRequest request && request.getAttribute(DIRECT) != null) {
            // Sigil's mechanism does nothing to a response (HttpAuthenticationMechanism's default).
            return AuthStatus.SEND_SUCCESS;
        }
        return container.secureResponse(message, service);
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
        container.cleanSubject(message, subject);
    }
}
