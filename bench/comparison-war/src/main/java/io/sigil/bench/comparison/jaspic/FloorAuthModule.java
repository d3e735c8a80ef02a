package io.sigil.bench.comparison.jaspic;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * A Jakarta Authentication module that checks nothing, registered by the application itself
 * (see {@link FloorAuthModuleInstaller}), with no Jakarta Security mechanism and so no Soteria
 * bridge in between: any request with an {@code Authorization} header is the caller {@code alice}
 * with the groups {@code user} and {@code admin}. It measures what the container's authentication
 * layer costs without Jakarta Security on top. A measuring fixture for a loopback benchmark, never
 * anything else: it lets anyone in.
 * <p>
 * Thread safety: the container calls one instance from many threads; the only state, the
 * callback handler, is set once in {@code initialize}.
 */
public final class FloorAuthModule implements ServerAuthModule {

    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final String[] GROUPS = {"user", "admin"};

    private volatile CallbackHandler handler;

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        if (request.getHeader("Authorization") != null) {
            handle(new CallerPrincipalCallback(client, "alice"), new GroupPrincipalCallback(client, GROUPS));
            return AuthStatus.SUCCESS;
        }
        if (Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)))) {
            ((HttpServletResponse) message.getResponseMessage()).setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthStatus.SEND_FAILURE;
        }
        handle(new CallerPrincipalCallback(client, (Principal) null));
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (IOException | UnsupportedCallbackException e) {
            throw (AuthException) new AuthException("the container refused the caller").initCause(e);
        }
    }
}
