package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.identitystore.TokenCredential;
import io.sigil.auth.identitystore.TokenIdentityStore;
import io.sigil.auth.metrics.RefusalReason;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.principal.SigilJsonWebToken;
import io.sigil.auth.testing.FakeIdentityStoreHandler;
import io.sigil.auth.testing.FakeRequest;
import io.sigil.auth.testing.FakeResponse;
import io.sigil.auth.testing.Proxies;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.VerifiedToken;
import jakarta.enterprise.inject.Instance;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.junit.jupiter.api.Test;

/**
 * The direct token path's authentication context: which requests it decides itself (the first
 * authentication of a request with a token), what it tells the container, and that everything
 * else reaches the wrapped context (Jakarta Security's bridge) unchanged. Real tokens; a fake
 * container.
 */
class DirectTokenContextTest {

    private static final TestTokens TOKENS = new TestTokens(TestConfigs.sigil(), TestTokens.CLOCK);
    private static final String VALID = TOKENS.issue("alice", "user", "admin").compact();
    private static final String INVALID = TOKENS.issue("mallory", "admin").compact() + "x";

    /** What reached the wrapped context, by method name. */
    private final List<String> bridge = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final FakeRequest request = new FakeRequest();
    private final FakeResponse response = new FakeResponse();
    private final MessageInfo message = message(request, response);
    private final Subject client = new Subject();
    private final SigilMetrics metrics = new SigilMetrics();
    private final DirectTokenContext context = new DirectTokenContext(container(), handler(), this::mechanism);

    @Test
    void validateRequest_validToken_isDecidedHere_andTheContainerGetsTheCallerAndItsGroups() throws Exception {
        request.header("Authorization", "Bearer " + VALID);

        assertThat(context.validateRequest(message, client, null)).isEqualTo(AuthStatus.SUCCESS);

        assertThat(bridge).isEmpty();
        assertThat(callbacks).hasSize(2);
        CallerPrincipalCallback caller = (CallerPrincipalCallback) callbacks.get(0);
        assertThat(caller.getSubject()).isSameAs(client);
        assertThat(caller.getPrincipal()).isInstanceOf(SigilJsonWebToken.class);
        assertThat(caller.getPrincipal().getName()).isEqualTo("alice");
        GroupPrincipalCallback groups = (GroupPrincipalCallback) callbacks.get(1);
        assertThat(groups.getSubject()).isSameAs(client);
        assertThat(groups.getGroups()).containsExactlyInAnyOrder("user", "admin");
        assertThat(AuthenticatedCaller.of(request.servletRequest())).get()
                .extracting(AuthenticatedCaller::method).isEqualTo(AuthenticatedCaller.Method.TOKEN);

        assertThat(context.secureResponse(message, null)).isEqualTo(AuthStatus.SEND_SUCCESS);
        assertThat(bridge).isEmpty();
    }

    @Test
    void validateRequest_invalidToken_is401InvalidToken_andNeverReachesTheBridge() throws Exception {
        request.header("Authorization", "Bearer " + INVALID);

        assertThat(context.validateRequest(message, client, null)).isEqualTo(AuthStatus.SEND_FAILURE);

        assertThat(bridge).isEmpty();
        assertThat(callbacks).isEmpty();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sigil\", error=\"invalid_token\"");
        assertThat(request.attribute(AuthenticatedCaller.ATTRIBUTE)).isNull();
    }

    @Test
    void validateRequest_malformedAuthorization_is400_andNeverReachesTheBridge() throws Exception {
        request.header("Authorization", "Bearer " + VALID).header("Authorization", "Bearer " + VALID);

        assertThat(context.validateRequest(message, client, null)).isEqualTo(AuthStatus.SEND_FAILURE);

        assertThat(bridge).isEmpty();
        assertThat(response.status()).isEqualTo(400);
        assertThat(metrics.tokensRefused(RefusalReason.MALFORMED)).isEqualTo(1);
    }

    @Test
    void validateRequest_withoutToken_goesToTheBridge_andSoDoesItsResponse() throws Exception {
        assertThat(context.validateRequest(message, client, null)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(context.secureResponse(message, null)).isEqualTo(AuthStatus.SEND_SUCCESS);

        assertThat(bridge).containsExactly("validateRequest", "secureResponse");
        assertThat(callbacks).isEmpty();
    }

    @Test
    void validateRequest_secondAuthenticationOfTheSameRequest_goesToTheBridge() throws Exception {
        request.header("Authorization", "Bearer " + VALID);
        context.validateRequest(message, client, null);
        callbacks.clear();

        // A programmatic HttpServletRequest.authenticate (SecurityContext.authenticate) keeps
        // Jakarta Security's semantics, e.g. a password login on a request that also has a token.
        context.validateRequest(message, new Subject(), null);

        assertThat(bridge).containsExactly("validateRequest");
        assertThat(callbacks).isEmpty();
    }

    @Test
    void cleanSubject_isTheBridges() throws Exception {
        context.cleanSubject(message, client);

        assertThat(bridge).containsExactly("cleanSubject");
    }

    // ---------------------------------------------------------------- helpers

    private ServerAuthContext container() {
        return Proxies.of(ServerAuthContext.class, Map.of(
                "validateRequest", args -> record("validateRequest", AuthStatus.SUCCESS),
                "secureResponse", args -> record("secureResponse", AuthStatus.SEND_SUCCESS),
                "cleanSubject", args -> record("cleanSubject", null)));
    }

    private AuthStatus record(String method, AuthStatus status) {
        bridge.add(method);
        return status;
    }

    private CallbackHandler handler() {
        return handled -> callbacks.addAll(List.of(handled));
    }

    private static MessageInfo message(FakeRequest request, FakeResponse response) {
        Map<String, Object> map = new HashMap<>();
        return Proxies.of(MessageInfo.class, Map.of(
                "getRequestMessage", args -> request.servletRequest(),
                "getResponseMessage", args -> response.servletResponse(),
                "getMap", args -> map));
    }

    /** The mechanism with a token store that knows {@link #VALID}; nothing else is used on the token path. */
    @SuppressWarnings("unchecked")
    private SigilAuthenticationMechanism mechanism() {
        SigilAuthenticationMechanism mechanism = new SigilAuthenticationMechanism();
        mechanism.identityStoreHandler = FakeIdentityStoreHandler.unused();
        mechanism.settings = SigilSettings.fixed(TestConfigs.sigil(), Clock.systemUTC());
        mechanism.metrics = metrics;
        mechanism.tokenStore = new TokenIdentityStore() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                if (credential instanceof TokenCredential token && token.token().equals(VALID)) {
                    VerifiedToken verified = TOKENS.verified(VALID);
                    return new CredentialValidationResult(new SigilJsonWebToken(verified), verified.claims().groups());
                }
                return CredentialValidationResult.INVALID_RESULT;
            }
        };
        mechanism.identityStores = Proxies.of(Instance.class, Map.of("iterator", args -> List.<IdentityStore>of().iterator()));
        mechanism.init();
        return mechanism;
    }
}
