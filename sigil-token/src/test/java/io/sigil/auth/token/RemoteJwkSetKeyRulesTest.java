package io.sigil.auth.token;

import io.sigil.auth.token.internal.Base64Url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fetched JWK Set yields public keys only: secrets are dropped and logged, private members refuse the set. */
class RemoteJwkSetKeyRulesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    private static final Logger LOG = Logger.getLogger(RemoteJwkSet.class.getName());

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord logRecord) {
            records.add(logRecord);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        LOG.addHandler(handler);
    }

    @AfterEach
    void release() {
        LOG.removeHandler(handler);
    }

    @Test
    void fetch_setWithSecrets_dropsThemWithAWarningNamingTheirKidsNeverTheSecret() {
        String hs = Jwk.secretJwk(JwsAlgorithm.HS256, "h", TestKeys.secret(JwsAlgorithm.HS256, 1)).toString();
        String withoutAlg = "{\"kty\":\"oct\",\"kid\":\"short\",\"k\":\"c2hvcnQ\"}";
        String rs = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.RS256, "r").verificationKey()).orElseThrow().toString();
        RemoteJwkSet remote = remote("{\"keys\":[" + hs + "," + withoutAlg + "," + rs + "]}");

        assertThat(remote.byKeyId("h")).isEmpty();
        assertThat(remote.keys()).extracting(VerificationKey::keyId).containsExactly("r");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            String message = java.text.MessageFormat.format(r.getMessage(), r.getParameters());
            assertThat(message).contains("https://idp.example/jwks").contains("secret (oct)").contains("[h, short]")
                    .doesNotContain("c2hvcnQ").doesNotContain(Base64Url.encode(TestKeys.secret(JwsAlgorithm.HS256, 1)));
        });
    }

    @Test
    void fetch_setWithAPrivateMember_isRefusedAsAWholeAndLogged() {
        String rsPrivate = Jwk.privateJwk(JwsAlgorithm.RS256, "r", TestKeys.pair(JwsAlgorithm.RS256)).toString();
        String es = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.ES256, "e").verificationKey()).orElseThrow().toString();
        RemoteJwkSet remote = remote("{\"keys\":[" + es + "," + rsPrivate + "]}");

        assertThat(remote.byKeyId("e")).isEmpty();
        assertThat(remote.keys()).isEmpty();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            String message = java.text.MessageFormat.format(r.getMessage(), r.getParameters());
            assertThat(message).contains("https://idp.example/jwks").contains("private member");
        });
    }

    @Test
    void fetch_setWithAKeyForEncryptionOnly_skipsIt() {
        String rs = Jwk.publicJwk(TestKeys.signingKey(JwsAlgorithm.RS256, "r").verificationKey()).orElseThrow().toString();
        String encrypt = rs.replace("\"kid\":\"r\"", "\"kid\":\"enc\"").replace("\"use\":\"sig\"",
                "\"key_ops\":[\"encrypt\"]");
        RemoteJwkSet remote = remote("{\"keys\":[" + rs + "," + encrypt + "]}");

        assertThat(remote.byKeyId("enc")).isEmpty();
        assertThat(remote.keys()).extracting(VerificationKey::keyId).containsExactly("r");
    }

    @Test
    void fetch_pemPublicKey_isOneKeyWithoutKid() {
        KeyPair pair = TestKeys.freshPair(JwsAlgorithm.RS256);
        RemoteJwkSet remote = remote(PemKeys.toPem(pair.getPublic()));

        assertThat(remote.withoutKeyId(JwsAlgorithm.RS256)).hasSize(1);
        assertThat(remote.keys().get(0).publicKey()).contains(pair.getPublic());
    }

    @Test
    void fetch_pemPrivateKey_isRefusedAndLogged() {
        RemoteJwkSet remote = remote(PemKeys.toPem(TestKeys.freshPair(JwsAlgorithm.RS256).getPrivate()));

        assertThat(remote.withoutKeyId(JwsAlgorithm.RS256)).isEmpty();
        assertThat(records).anyMatch(r -> r.getLevel() == Level.WARNING);
    }

    @Test
    void plainHttp_anHttpsUrl_isRefused() {
        assertThat(catchThrowable(() -> RemoteJwkSet.plainHttp(
                URI.create("https://idp.example/jwks"), Duration.ofSeconds(1), null, 2048,
                Duration.ofMinutes(1), Duration.ofHours(1), CLOCK))).isInstanceOf(InvalidKeyMaterialException.class);
    }

    @Test
    void https_aPlainHttpUrl_isRefused() {
        assertThat(catchThrowable(() -> RemoteJwkSet.https(
                URI.create("http://idp.example/jwks"), Duration.ofSeconds(1), null, 2048,
                Duration.ofMinutes(1), Duration.ofHours(1), CLOCK))).isInstanceOf(InvalidKeyMaterialException.class);
    }

    private static RemoteJwkSet remote(String set) {
        return new RemoteJwkSet(() -> set.getBytes(StandardCharsets.UTF_8), "https://idp.example/jwks", null, 2048,
                Duration.ofMinutes(1), Duration.ofHours(1), CLOCK);
    }
}
