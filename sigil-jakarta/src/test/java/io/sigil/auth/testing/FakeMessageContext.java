package io.sigil.auth.testing;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HttpMessageContext for one request: whether the resource is protected, whether the
 * application called {@code SecurityContext.authenticate} (and with which credential), and a
 * record of what the mechanism told the container. {@code notifyContainerAboutLogin} answers
 * SUCCESS (SEND_FAILURE for a result that is not VALID, as Soteria does), {@code doNothing}
 * NOT_DONE. Everything else is unsupported. Not thread-safe.
 */
public final class FakeMessageContext {

    /**
     * One {@code notifyContainerAboutLogin} call.
     *
     * @param name      the caller name
     * @param principal the principal passed, or null when only a name was
     * @param groups    the groups passed
     */
    public record Login(String name, Principal principal, Set<String> groups) {
    }

    private final FakeRequest request;
    private final FakeResponse response;
    private final List<Login> logins = new ArrayList<>();
    private final HttpMessageContext context;
    private boolean protectedResource;
    private boolean authenticationRequest;
    private Credential credential;
    private int nothingDone;

    /**
     * A context for an unprotected resource, without a programmatic login.
     *
     * @param request  the request
     * @param response the response
     */
    public FakeMessageContext(FakeRequest request, FakeResponse response) {
        this.request = request;
        this.response = response;
        this.context = Proxies.of(HttpMessageContext.class, Map.of(
                "isProtected", args -> protectedResource,
                "isAuthenticationRequest", args -> authenticationRequest,
                "getAuthParameters", args -> AuthenticationParameters.withParams().credential(credential),
                "getRequest", args -> request.servletRequest(),
                "getResponse", args -> response.servletResponse(),
                "notifyContainerAboutLogin", this::notifyContainerAboutLogin,
                "doNothing", args -> {
                    nothingDone++;
                    return AuthenticationStatus.NOT_DONE;
                }));
    }

    /** The request is for a resource that requires authentication. */
    public FakeMessageContext protectedResource() {
        protectedResource = true;
        return this;
    }

    /** The application called {@code SecurityContext.authenticate}, with this credential or null. */
    public FakeMessageContext authenticate(Credential login) {
        authenticationRequest = true;
        credential = login;
        return this;
    }

    /** @return the context as the mechanism sees it */
    public HttpMessageContext context() {
        return context;
    }

    /** @return the request */
    public FakeRequest request() {
        return request;
    }

    /** @return the response */
    public FakeResponse response() {
        return response;
    }

    /** @return every login the container was told about */
    public List<Login> logins() {
        return List.copyOf(logins);
    }

    /** @return how often {@code doNothing} was called */
    public int nothingDone() {
        return nothingDone;
    }

    @SuppressWarnings("unchecked")
    private Object notifyContainerAboutLogin(Object[] args) {
        if (args[0] instanceof CredentialValidationResult result) {
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            logins.add(new Login(result.getCallerPrincipal().getName(), result.getCallerPrincipal(),
                    result.getCallerGroups()));
        } else if (args[0] instanceof Principal principal) {
            logins.add(new Login(principal.getName(), principal, (Set<String>) args[1]));
        } else {
            logins.add(new Login((String) args[0], null, (Set<String>) args[1]));
        }
        return AuthenticationStatus.SUCCESS;
    }
}
