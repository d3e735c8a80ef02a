package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bad setting fails the deployment, and the administration tool's answer names the key: a
 * missing secret, a secret that is too short, a revocation cache name under which nothing is
 * bound. Each case deploys a variant of the reference EAR beside the one under test (see
 * {@link VariantDeployments}); on Payara Micro, which has no administration tool, it is skipped.
 */
class DeploymentFailureIT extends SigilITBase {

    @BeforeEach
    void onlyWhereASecondApplicationCanBeDeployed() {
        Assumptions.assumeTrue(VariantDeployments.supported(), "this target cannot deploy from the test");
    }

    @Test
    void deploy_missingSecret_failsNamingTheKey() throws Exception {
        // Payara's MicroProfile Config lets an empty value of the variant's own properties fall
        // through to the domain's sigil.secret and signing key, so the variant cannot unset them.
        Assumptions.assumeFalse("payara-server".equals(System.getProperty("arquillian.launch")),
                "Payara Server: an empty value does not hide the domain's secret");
        assertFails("sigil-no-secret",
                "sigil.secret=\nsigil.signing.key.location=\nsigil.secret.generate=false\n",
                "sigil.secret is not set");
    }

    @Test
    void deploy_shortSecret_failsNamingTheKey() throws Exception {
        // "short-secret" in base64url: 12 bytes, where HS256 needs 32.
        assertFails("sigil-short-secret", "sigil.secret=c2hvcnQtc2VjcmV0\n",
                "sigil.secret: the secret must decode to at least 32 bytes");
    }

    @Test
    void deploy_wrongRevocationCacheName_failsNamingTheKey() throws Exception {
        assertFails("sigil-wrong-cache", "sigil.revocation.cache=java:global/sigil/no-such-cache\n",
                "sigil.revocation.cache=java:global/sigil/no-such-cache");
    }

    private void assertFails(String name, String properties, String message) throws Exception {
        Path ear = VariantDeployments.build(name, properties, "");
        try {
            VariantDeployments.Result result = VariantDeployments.deploy(ear, name);
            assertThat(result.exitCode()).as("deploying %s: %s", name, result.output()).isNotZero();
            assertThat(result.output()).as("the administration tool's answer").contains(message);
            assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    BASE.substring(0, BASE.lastIndexOf('/') + 1) + name + "/api/me")).GET().build()).statusCode())
                    .as("nothing is served").isEqualTo(404);
        } finally {
            VariantDeployments.undeploy(name);
        }
    }
}
