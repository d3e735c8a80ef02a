package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sigil.auth.token.ClaimPath;
import io.sigil.auth.token.Jwk;
import io.sigil.auth.token.KeyResolver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outside issuers of {@code sigil.issuers} as live settings: read again by every reload that sees a change. */
class TrustedIssuersReloadTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Map<String, String> values = new HashMap<>();
    private final CapturedLog log = CapturedLog.of(SigilSettings.class);
    private String keysA;
    private String keysB;

    @BeforeEach
    void setUp() throws Exception {
        keysA = writeKeys("a.jwks.json", "a-1");
        keysB = writeKeys("b.jwks.json", "b-1");
        values.putAll(Map.of(SigilConfigLoader.SECRET, TestConfigs.SECRET, SigilSettings.RELOAD_INTERVAL, "PT10S",
                "sigil.issuers", "a", "sigil.issuer.a.iss", "https://a.example",
                "sigil.issuer.a.keys.location", keysA));
    }

    @AfterEach
    void detachLog() {
        log.close();
    }

    private String writeKeys(String file, String kid) throws Exception {
        return Files.writeString(dir.resolve(file), Jwk.publicJwkSet(List.of(TrustedIssuersTest.ecKey(kid)
                .verificationKey())).toString()).toString();
    }

    private SigilSettings settings() {
        return SigilSettings.load(() -> new MapConfig(values), getClass().getClassLoader(), clock);
    }

    /** @return the snapshot in force after the next check */
    private SigilSettings.Snapshot next(SigilSettings settings) {
        clock.advance(INTERVAL);
        return settings.snapshot();
    }

    private void addIssuerB() {
        values.put("sigil.issuers", "a, b");
        values.put("sigil.issuer.b.iss", "https://b.example");
        values.put("sigil.issuer.b.keys.location", keysB);
        values.put("sigil.issuer.b.audiences", "orders");
    }

    private List<LogRecord> severe() {
        return log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
    }

    @Test
    void reload_issuerAdded_isTrustedAfterTheInterval_withANewTokenCache() {
        SigilSettings settings = settings();
        SigilSettings.Snapshot before = settings.snapshot();
        assertThat(before.issuers().names()).containsExactly("a");

        addIssuerB();
        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(settings.snapshot()).as("within the interval").isSameAs(before);
        SigilSettings.Snapshot after = next(settings);

        assertThat(after.issuers().names()).containsExactly("a", "b");
        assertThat(after.issuers().issuers().get(1).audiences()).containsExactly("orders");
        assertThat(after.routedCache()).as("outside tokens are cached apart from Sigil's own")
                .isNotSameAs(after.tokenCache());
        assertThat(after.routedCache()).as("a token accepted before is checked in full again")
                .isNotSameAs(before.routedCache());
        assertThat(severe()).isEmpty();
    }

    @Test
    void reload_issuerRemoved_isNoLongerTrusted() {
        addIssuerB();
        SigilSettings settings = settings();
        assertThat(settings.snapshot().issuers().names()).containsExactly("a", "b");

        values.put("sigil.issuers", "b");
        assertThat(next(settings).issuers().names()).containsExactly("b");
        values.remove("sigil.issuers");
        assertThat(next(settings).issuers().isEmpty()).isTrue();
    }

    @Test
    void reload_audiencesAndGroupsClaimChanged_takeEffect_theIssuerKeepsItsKeySource() {
        addIssuerB();
        SigilSettings settings = settings();
        SigilSettings.Snapshot before = settings.snapshot();
        KeyResolver keysOfA = before.issuers().keysOf("a");
        KeyResolver keysOfB = before.issuers().keysOf("b");

        values.put("sigil.issuer.b.audiences", "billing, shipping");
        values.put("sigil.issuer.b.groups-claim", "realm_access/roles");
        SigilSettings.Snapshot after = next(settings);

        TrustedIssuer b = after.issuers().issuers().get(1);
        assertThat(b.audiences()).containsExactlyInAnyOrder("billing", "shipping");
        assertThat(b.groupsClaim()).isEqualTo(ClaimPath.parse("realm_access/roles"));
        assertThat(after.issuers().keysOf("a")).as("unchanged issuer").isSameAs(keysOfA);
        assertThat(after.issuers().keysOf("b")).as("same key location").isSameAs(keysOfB);
        assertThat(after.routedCache()).isNotSameAs(before.routedCache());
    }

    @Test
    void reload_keysLocationChanged_opensTheNewLocation_theOtherIssuerKeepsItsSource() throws Exception {
        addIssuerB();
        SigilSettings settings = settings();
        SigilSettings.Snapshot before = settings.snapshot();

        values.put("sigil.issuer.b.keys.location", writeKeys("b2.jwks.json", "b-2"));
        SigilSettings.Snapshot after = next(settings);

        assertThat(after.issuers().keysOf("b")).isNotSameAs(before.issuers().keysOf("b"));
        assertThat(after.issuers().keysOf("b").byKeyId("b-2")).isPresent();
        assertThat(after.issuers().keysOf("b").byKeyId("b-1")).isEmpty();
        assertThat(after.issuers().keysOf("a")).isSameAs(before.issuers().keysOf("a"));
    }

    @Test
    void reload_settingOfTheKeySourcesChanged_opensEverySourceAgain_anotherSettingKeepsThem() {
        SigilSettings settings = settings();
        KeyResolver first = settings.snapshot().issuers().keysOf("a");

        values.put(SigilConfigLoader.LIFETIME, "PT5M");
        KeyResolver afterLifetime = next(settings).issuers().keysOf("a");
        values.put(SigilConfigLoader.KEYS_RELOAD_INTERVAL, "PT5S");
        KeyResolver afterReloadInterval = next(settings).issuers().keysOf("a");

        assertThat(afterLifetime).isSameAs(first);
        assertThat(afterReloadInterval).isNotSameAs(first);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "sigil.issuer.b.iss|''|sigil.issuer.b.iss is not set",
        "sigil.issuer.b.iss|https://a.example|sigil.issuer.b.iss is the iss of another issuer",
        "sigil.issuer.b.iss|sigil|sigil.issuer.b.iss is Sigil's own issuer",
        "sigil.issuer.b.groups-claim|realm_access//roles|sigil.issuer.b.groups-claim is not a well-formed claim path",
        "sigil.issuer.b.keys.location|''|sigil.issuer.b.keys.location is not set",
        "sigil.issuer.b.keys.location|/no/such/dir/keys.json|sigil.issuer.b.keys.location",
        "sigil.issuers|a,,b|sigil.issuers must list names"})
    void reload_invalidIssuerChange_keepsTheLastGoodIssuersAndLogsSevereOnce(String key, String value, String message) {
        SigilSettings settings = settings();
        SigilSettings.Snapshot good = settings.snapshot();

        addIssuerB();
        values.put(key, value);
        for (int i = 0; i < 4; i++) {
            assertThat(next(settings)).as("the last good settings").isSameAs(good);
        }

        assertThat(severe()).singleElement().satisfies(r -> assertThat(r.getMessage()).startsWith(message)
                .contains("keeps its last good settings").doesNotContain(TestConfigs.SECRET));
        values.remove(key);
        addIssuerB();
        assertThat(next(settings).issuers().names()).as("fixed").containsExactly("a", "b");
        assertThat(severe()).hasSize(1);
    }

    @Test
    void reload_ownIssuerChangedToAnOutsideIssuersIss_isRefusedNamingTheIssuersKey() {
        SigilSettings settings = settings();
        SigilSettings.Snapshot good = settings.snapshot();

        values.put(SigilConfigLoader.ISSUER, "https://a.example");

        assertThat(next(settings)).isSameAs(good);
        assertThat(severe()).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).startsWith("sigil.issuer.a.iss is Sigil's own issuer"));
    }

    @Test
    void load_invalidIssuerAtDeployment_failsNamingTheKey() {
        values.put("sigil.issuer.a.groups-claim", "/roles");

        assertThat(catchThrowable(this::settings)).isInstanceOf(SigilConfigurationException.class)
                .hasMessageStartingWith("sigil.issuer.a.groups-claim ");
    }

    @Test
    void reload_issuerKeysFromTheEnvironment_areReadByName() {
        // Environment variables are not listed by name: only sigil.issuers is listed here.
        Map<String, String> unlisted = Map.of("sigil.issuer.b.iss", "https://b.example",
                "sigil.issuer.b.keys.location", keysB);
        SigilSettings settings = SigilSettings.load(() -> unlisted(new MapConfig(values), unlisted),
                getClass().getClassLoader(), clock);

        values.put("sigil.issuers", "a,b");
        assertThat(next(settings).issuers().names()).containsExactly("a", "b");
    }

    /** A configuration that also answers {@code extra}, without listing those keys (as environment variables). */
    private static Config unlisted(Config config, Map<String, String> extra) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue") && extra.containsKey((String) args[0])) {
                        return Optional.of(extra.get((String) args[0]));
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
