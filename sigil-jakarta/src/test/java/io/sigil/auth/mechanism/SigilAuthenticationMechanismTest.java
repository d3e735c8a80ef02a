package io.sigil.auth.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.sigil.auth.config.SigilSettings;
import io.sigil.auth.identitystore.TokenCredential;
import io.sigil.auth.identitystore.TokenIdentityStore;
import io.sigil.auth.metrics.RefusalReason;
import io.sigil.auth.metrics.SigilMetrics;
import io.sigil.auth.revocation.MapRevocationStore;
import io.sigil.auth.throttle.LoginThrottle;
import io.sigil.auth.throttle.ThrottlePolicy;
import io.sigil.auth.principal.SigilJsonWebToken;
import io.sigil.auth.testing.FakeIdentityStoreHandler;
import io.sigil.auth.testing.FakeMessageContext;
import io.sigil.auth.testing.FakeRequest;
import io.sigil.auth.testing.FakeResponse;
import io.sigil.auth.testing.FakeSession;
import io.sigil.auth.testing.Proxies;
import io.sigil.auth.testing.TestConfigs;
import io.sigil.auth.testing.TestTokens;
import io.sigil.auth.token.VerifiedToken;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mechanism's decision table, with a fake container and a fake identity store handler; the
 * tokens are real (the core signs and verifies them).
 */
class SigilAuthenticationMechanismTest {

    private static final TestTokens TOKENS = new TestTokens(TestConfigs.sigil(), TestTokens.CLOCK);
    private static final String VALID = TOKENS.issue("alice", "user", "admin").compact();
    private static final String INVALID = TOKENS.issue("mallory", "admin").compact() + "x";
    private static final String PASSWORD = "correct horse battery staple";

    private final FakeMessageContext call = new FakeMessageContext(new FakeRequest(), new FakeResponse());
    private final ConcurrentMap<String, Object> shared = new ConcurrentHashMap<>();
    private final LoginThrottle throttle = new LoginThrottle(shared, ThrottlePolicy.defaults(), Clock.systemUTC());
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final SigilMetrics metrics = new SigilMetrics();
    private final MapRevocationStore revocations = new MapRevocationStore((ConcurrentMap) shared, true,
            Duration.ofMinutes(1), Duration.ofMinutes(15), TestTokens.CLOCK);

    // ---------------------------------------------------------------- throttling and logout everywhere

    @Test
    void validateRequest_throttledPasswordLogin_is429WithoutAskingTheStores() {
        for (int i = 0; i < ThrottlePolicy.defaults().accountFreeFailures(); i++) {
            throttle.failed("alice", FakeRequest.REMOTE_ADDRESS);
        }
        call.authenticate(new UsernamePasswordCredential("alice", PASSWORD));

        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused()), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(call.response().status()).isEqualTo(429);
        assertThat(call.response().header("Retry-After")).isEqualTo("1");
        assertThat(call.request().attribute(LoginThrottle.RETRY_AFTER_ATTRIBUTE)).isEqualTo(Duration.ofSeconds(1));
        assertThat(call.request().sessionsCreated()).isZero();
        assertThat(metrics.loginsThrottled()).isEqualTo(1);
        assertThat(metrics.sessionLogins(SigilMetrics.LoginResult.FAILED)).isZero();
    }

    @Test
    void validateRequest_wrongPassword_countsAFailure_andARightOneResetsTheAccount() {
        call.authenticate(new UsernamePasswordCredential("alice", "wrong password"));
        validate(mechanism(), call);
        assertThat(shared).containsKey("throttle:account:alice");

        FakeMessageContext next = new FakeMessageContext(new FakeRequest(), new FakeResponse());
        next.authenticate(new UsernamePasswordCredential("alice", PASSWORD));
        assertThat(validate(mechanism(), next)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(shared).doesNotContainKey("throttle:account:alice");
        assertThat(metrics.sessionLogins(SigilMetrics.LoginResult.FAILED)).isEqualTo(1);
        assertThat(metrics.sessionLogins(SigilMetrics.LoginResult.OK)).isEqualTo(1);
    }

    @Test
    void validateRequest_sessionLoginBeforeLogoutEverywhere_isEndedAndInvalidated() {
        FakeSession session = new FakeSession("logged-in")
                .attribute(SessionLogin.ATTRIBUTE, new SessionLogin("bob", Set.of("user"), TestTokens.NOW));
        call.protectedResource().request().session(session);
        revocations.revokeAllFor("bob", TestTokens.NOW);

        assertUnauthorized(validate(mechanism(FakeIdentityStoreHandler.unused()), call), "Bearer realm=\"sigil\"");
        assertThat(session.invalidated()).isTrue();
        assertThat(call.logins()).isEmpty();
    }

    @Test
    void validateRequest_sessionLoginAfterLogoutEverywhere_stillAuthenticates() {
        call.protectedResource().request().session(new FakeSession("logged-in")
                .attribute(SessionLogin.ATTRIBUTE, new SessionLogin("bob", Set.of("user"), TestTokens.NOW)));
        revocations.revokeAllFor("bob", TestTokens.NOW.minusSeconds(1));

        assertThat(validate(mechanism(FakeIdentityStoreHandler.unused()), call)).isEqualTo(AuthenticationStatus.SUCCESS);
    }

    // ---------------------------------------------------------------- programmatic password login

    @Test
    void validateRequest_rightPasswordWithoutSession_createsSessionWithLoginRecord() {
        call.authenticate(new UsernamePasswordCredential("alice", PASSWORD));

        AuthenticationStatus status = validate(mechanism(), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.request().sessionsCreated()).isOne();
        // Kept as an immutable String (see SessionLogin): decoded, it is the same record.
        SessionLogin record = SessionLogin.decode(call.request().session().attribute(SessionLogin.ATTRIBUTE)).orElseThrow();
        assertThat(record.name()).isEqualTo("alice");
        assertThat(record.groups()).containsExactlyInAnyOrder("user", "admin");
        assertThat(record.loginTime()).isBeforeOrEqualTo(Instant.now());
        assertThat(call.logins()).singleElement().satisfies(login -> {
            assertThat(login.name()).isEqualTo("alice");
            assertThat(login.groups()).containsExactlyInAnyOrder("user", "admin");
        });
        assertThat(call.request().attribute(AuthenticatedCaller.ATTRIBUTE)).isEqualTo(
                new AuthenticatedCaller("alice", Set.of("user", "admin"), AuthenticatedCaller.Method.SESSION));
    }

    @Test
    void validateRequest_rightPasswordWithPlantedSession_changesTheSessionId() {
        FakeSession planted = new FakeSession("planted-by-attacker");
        call.request().session(planted);
        call.authenticate(new UsernamePasswordCredential("alice", PASSWORD));

        AuthenticationStatus status = validate(mechanism(), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(planted.idChanges()).isOne();
        assertThat(planted.id()).isNotEqualTo("planted-by-attacker");
        assertThat(call.request().sessionsCreated()).isZero();
        assertThat(SessionLogin.decode(planted.attribute(SessionLogin.ATTRIBUTE))).isPresent();
    }

    @Test
    void validateRequest_wrongPassword_is401SendFailureWithoutSession() {
        call.authenticate(new UsernamePasswordCredential("alice", "wrong password"));

        AuthenticationStatus status = validate(mechanism(), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(call.response().status()).isEqualTo(401);
        assertThat(call.request().session()).isNull();
        assertThat(call.logins()).isEmpty();
        assertThat(call.request().attribute(AuthenticatedCaller.ATTRIBUTE)).isNull();
    }

    @Test
    void validateRequest_passwordLoginWithBearerToken_validatesThePasswordOnly() {
        FakeIdentityStoreHandler handler = handler();
        call.request().header("Authorization", "Bearer " + VALID);
        call.authenticate(new UsernamePasswordCredential("alice", PASSWORD));

        validate(mechanism(handler), call);

        assertThat(handler.asked()).singleElement().isInstanceOf(UsernamePasswordCredential.class);
        assertThat(call.request().attribute(AuthenticatedCaller.TOKEN_ATTRIBUTE)).isNull();
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void validateRequest_validToken_notifiesContainerWithTokenPrincipalAndGroups() {
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        AuthenticationStatus status = validate(mechanism(), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.logins()).singleElement().satisfies(login -> {
            assertThat(login.principal()).isInstanceOf(SigilJsonWebToken.class);
            assertThat(((SigilJsonWebToken) login.principal()).getRawToken()).isEqualTo(VALID);
            assertThat(login.name()).isEqualTo("alice");
            assertThat(login.groups()).containsExactlyInAnyOrder("user", "admin");
        });
        assertThat(call.request().attribute(AuthenticatedCaller.ATTRIBUTE)).isEqualTo(
                new AuthenticatedCaller("alice", Set.of("user", "admin"), AuthenticatedCaller.Method.TOKEN));
        assertThat(call.request().attribute(AuthenticatedCaller.TOKEN_ATTRIBUTE))
                .isSameAs(call.logins().get(0).principal());
        assertThat(call.response().headers()).isEmpty();
    }

    @Test
    void validateRequest_validToken_isValidatedByTheTokenStoreWithoutTheHandler() {
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused()), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.logins()).singleElement().satisfies(login -> assertThat(login.name()).isEqualTo("alice"));
    }

    @Test
    void validateRequest_validTokenWithAGroupsOnlyStore_goesThroughTheHandler() {
        FakeIdentityStoreHandler handler = handler();
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        AuthenticationStatus status = validate(mechanism(handler, stores(groupsOnlyStore())), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(handler.asked()).singleElement().isInstanceOf(TokenCredential.class);
    }

    @Test
    void validateRequest_validTokenWithTheApplicationsOwnHandler_goesThroughThatHandler() {
        FakeIdentityStoreHandler handler = handler();
        SigilAuthenticationMechanism mechanism = mechanism(handler);
        Bean<?> alternative = Proxies.of(Bean.class, Map.of("isAlternative", args -> true));
        mechanism.beanManager = Proxies.of(BeanManager.class,
                Map.of("getBeans", args -> Set.of(alternative), "resolve", args -> alternative));
        mechanism.init();
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        AuthenticationStatus status = validate(mechanism, call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(handler.asked()).singleElement().isInstanceOf(TokenCredential.class);
    }

    @Test
    void validateRequest_validTokenOnUnprotectedResource_stillAuthenticates() {
        call.request().header("Authorization", "Bearer " + VALID);

        assertThat(validate(mechanism(), call)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.logins()).hasSize(1);
    }

    @Test
    void validateRequest_emptyBearer_is400InvalidRequest() {
        call.protectedResource().request().header("Authorization", "Bearer ");

        assertBadRequest(validate(mechanism(FakeIdentityStoreHandler.unused()), call));
        assertThat(metrics.tokensRefused(RefusalReason.MALFORMED)).isEqualTo(1);
    }

    @Test
    void validateRequest_twoAuthorizationHeaders_is400InvalidRequest() {
        call.protectedResource().request()
                .header("Authorization", "Bearer " + VALID)
                .header("Authorization", "Bearer " + VALID);

        assertBadRequest(validate(mechanism(FakeIdentityStoreHandler.unused()), call));
    }

    @Test
    void validateRequest_invalidToken_is401InvalidToken() {
        call.protectedResource().request().header("Authorization", "Bearer " + INVALID);

        assertUnauthorized(validate(mechanism(), call), "Bearer realm=\"sigil\", error=\"invalid_token\"");
    }

    @Test
    void validateRequest_invalidTokenOnUnprotectedResource_is401InvalidToken() {
        call.request().header("Authorization", "Bearer " + INVALID);

        assertUnauthorized(validate(mechanism(), call), "Bearer realm=\"sigil\", error=\"invalid_token\"");
    }

    @Test
    void validateRequest_invalidTokenWithValidSession_is401InvalidToken() {
        FakeSession session = new FakeSession("logged-in")
                .attribute(SessionLogin.ATTRIBUTE, new SessionLogin("alice", Set.of("user"), TestTokens.NOW));
        call.protectedResource().request().session(session).header("Authorization", "Bearer " + INVALID);

        AuthenticationStatus status = validate(mechanism(), call);

        assertUnauthorized(status, "Bearer realm=\"sigil\", error=\"invalid_token\"");
        assertThat(session.attribute(SessionLogin.ATTRIBUTE)).as("the session is left as it was").isNotNull();
    }

    @Test
    void validateRequest_tokenNotValidatedByTheTokenStore_is401InvalidToken() {
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        SigilAuthenticationMechanism mechanism = mechanism(FakeIdentityStoreHandler.unused(),
                credential -> CredentialValidationResult.NOT_VALIDATED_RESULT, stores());

        assertUnauthorized(validate(mechanism, call), "Bearer realm=\"sigil\", error=\"invalid_token\"");
    }

    @Test
    void validateRequest_tokenNotValidatedByAnyStoreOfTheHandler_is401InvalidToken() {
        FakeIdentityStoreHandler handler =
                new FakeIdentityStoreHandler(credential -> CredentialValidationResult.NOT_VALIDATED_RESULT);
        call.protectedResource().request().header("Authorization", "Bearer " + VALID);

        assertUnauthorized(validate(mechanism(handler, stores(groupsOnlyStore())), call),
                "Bearer realm=\"sigil\", error=\"invalid_token\"");
    }

    // ---------------------------------------------------------------- session, nothing

    @Test
    void validateRequest_sessionRecordAlone_authenticatesAsSession() {
        call.protectedResource().request().session(new FakeSession("logged-in")
                .attribute(SessionLogin.ATTRIBUTE, new SessionLogin("bob", Set.of("user"), TestTokens.NOW)));

        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused()), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.logins()).containsExactly(new FakeMessageContext.Login("bob", null, Set.of("user")));
        assertThat(call.request().attribute(AuthenticatedCaller.ATTRIBUTE)).isEqualTo(
                new AuthenticatedCaller("bob", Set.of("user"), AuthenticatedCaller.Method.SESSION));
        assertThat(call.request().attribute(AuthenticatedCaller.TOKEN_ATTRIBUTE)).isNull();
    }

    @Test
    void validateRequest_sessionWithoutLoginRecord_isTreatedAsNoSession() {
        call.protectedResource().request().session(new FakeSession("anonymous").attribute("cart", "3 items"));

        assertUnauthorized(validate(mechanism(FakeIdentityStoreHandler.unused()), call), "Bearer realm=\"sigil\"");
    }

    @Test
    void validateRequest_nothingOnProtectedResource_is401BearerChallenge() {
        call.protectedResource();

        assertUnauthorized(validate(mechanism(FakeIdentityStoreHandler.unused()), call), "Bearer realm=\"sigil\"");
        assertThat(call.request().sessionsCreated()).as("no session for an anonymous caller").isZero();
    }

    @Test
    void validateRequest_authenticateWithoutCredentialOrToken_is401BearerChallenge() {
        call.authenticate(null);

        assertUnauthorized(validate(mechanism(FakeIdentityStoreHandler.unused()), call), "Bearer realm=\"sigil\"");
    }

    @Test
    void validateRequest_nothingOnUnprotectedResource_doesNothing() {
        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused()), call);

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(call.nothingDone()).isOne();
        assertThat(call.logins()).isEmpty();
        assertThat(call.response().headers()).isEmpty();
        assertThat(call.response().status()).isEqualTo(200);
    }

    @Test
    void validateRequest_basicAuthorizationOnUnprotectedResource_doesNothing() {
        call.request().header("Authorization", "Basic YWxpY2U6c2VjcmV0");

        assertThat(validate(mechanism(FakeIdentityStoreHandler.unused()), call)).isEqualTo(AuthenticationStatus.NOT_DONE);
    }

    // ---------------------------------------------------------------- challenge details

    @Test
    void validateRequest_configuredRealm_isQuotedInChallenge() {
        call.protectedResource();

        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused(), "sigil.realm", "Orders API"),
                call);

        assertUnauthorized(status, "Bearer realm=\"Orders API\"");
    }

    @Test
    void validateRequest_configuredRealmAndInvalidToken_namesRealmAndError() {
        call.request().header("Authorization", "Bearer " + INVALID);

        assertUnauthorized(validate(mechanism(handler(), "sigil.realm", "Orders API"), call),
                "Bearer realm=\"Orders API\", error=\"invalid_token\"");
    }

    @Test
    void validateRequest_customTokenHeader_readsTokenFromIt() {
        call.protectedResource().request().header("X-Access-Token", VALID);

        AuthenticationStatus status = validate(mechanism(handler(), "mp.jwt.token.header", "X-Access-Token"), call);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(call.logins()).singleElement().extracting(FakeMessageContext.Login::name).isEqualTo("alice");
    }

    @Test
    void validateRequest_failureOnCommittedResponse_stillSetsStatusAndChallenge() {
        FakeMessageContext committed = new FakeMessageContext(new FakeRequest(), new FakeResponse().committed());
        committed.protectedResource();

        AuthenticationStatus status = validate(mechanism(FakeIdentityStoreHandler.unused()), committed);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(committed.response().errorSent()).isFalse();
        assertThat(committed.response().status()).isEqualTo(401);
        assertThat(committed.response().header("WWW-Authenticate")).isEqualTo("Bearer realm=\"sigil\"");
        assertThat(committed.response().header("Cache-Control")).isEqualTo("no-store");
    }

    // ---------------------------------------------------------------- helpers

    /** A handler that knows alice's password and validates tokens as the token store would. */
    private static FakeIdentityStoreHandler handler() {
        return new FakeIdentityStoreHandler(SigilAuthenticationMechanismTest::answer);
    }

    private static CredentialValidationResult answer(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login) {
            return login.getCaller().equals("alice") && login.compareTo("alice", PASSWORD)
                    ? new CredentialValidationResult("alice", Set.of("user", "admin"))
                    : CredentialValidationResult.INVALID_RESULT;
        }
        if (credential instanceof TokenCredential token && token.token().equals(VALID)) {
            VerifiedToken verified = TOKENS.verified(VALID);
            return new CredentialValidationResult(new SigilJsonWebToken(verified), verified.claims().groups());
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private SigilAuthenticationMechanism mechanism(String... config) {
        return mechanism(handler(), config);
    }

    private SigilAuthenticationMechanism mechanism(FakeIdentityStoreHandler handler, String... config) {
        return mechanism(handler, stores(), config);
    }

    private SigilAuthenticationMechanism mechanism(FakeIdentityStoreHandler handler, Instance<IdentityStore> stores,
                                                   String... config) {
        return mechanism(handler, SigilAuthenticationMechanismTest::answer, stores, config);
    }

    /** @param tokenStore what Sigil's token store answers (the handler answers as {@code handler} says) */
    private SigilAuthenticationMechanism mechanism(FakeIdentityStoreHandler handler,
            Function<Credential, CredentialValidationResult> tokenStore, Instance<IdentityStore> stores,
            String... config) {
        SigilAuthenticationMechanism mechanism = new SigilAuthenticationMechanism();
        mechanism.identityStoreHandler = handler;
        mechanism.settings = SigilSettings.fixed(TestConfigs.sigil(config), Clock.systemUTC());
        mechanism.throttle = throttle;
        mechanism.revocations = revocations;
        mechanism.metrics = metrics;
        mechanism.tokenStore = new TokenIdentityStore() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                return tokenStore.apply(credential);
            }
        };
        mechanism.identityStores = stores;
        mechanism.init();
        return mechanism;
    }

    /** An application's identity store that only adds groups: tokens must then go through the handler. */
    private static IdentityStore groupsOnlyStore() {
        return new IdentityStore() {
            @Override
            public Set<ValidationType> validationTypes() {
                return EnumSet.of(ValidationType.PROVIDE_GROUPS);
            }
        };
    }

    /** The deployment's identity store beans, as the mechanism sees them through CDI. */
    @SuppressWarnings("unchecked")
    private static Instance<IdentityStore> stores(IdentityStore... stores) {
        return Proxies.of(Instance.class, Map.of("iterator", args -> List.of(stores).iterator()));
    }

    private static AuthenticationStatus validate(SigilAuthenticationMechanism mechanism, FakeMessageContext call) {
        return mechanism.validateRequest(call.request().servletRequest(), call.response().servletResponse(),
                call.context());
    }

    private void assertUnauthorized(AuthenticationStatus status, String challenge) {
        assertFailure(status, 401, challenge);
    }

    private void assertBadRequest(AuthenticationStatus status) {
        assertFailure(status, 400, "Bearer realm=\"sigil\", error=\"invalid_request\"");
    }

    private void assertFailure(AuthenticationStatus status, int code, String challenge) {
        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(call.response().errorSent()).isTrue();
        assertThat(call.response().status()).isEqualTo(code);
        assertThat(call.response().header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(call.response().header("Cache-Control")).isEqualTo("no-store");
        assertThat(call.logins()).isEmpty();
        assertThat(call.request().attribute(AuthenticatedCaller.ATTRIBUTE)).isNull();
        assertThat(call.request().attribute(AuthenticatedCaller.TOKEN_ATTRIBUTE)).isNull();
    }
}
