package io.sigil.tck;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Adds Sigil to every TCK deployment, as an application that moves from another MP-JWT
 * implementation to Sigil would: its jars (sigil-token, sigil-jakarta, from the directory in the
 * system property {@code sigil.tck.libs}) into {@code WEB-INF/lib}. Nothing else of Sigil is
 * added: the TCK's own {@code @LoginConfig(authMethod = "MP-JWT")} turns it on.
 * <p>
 * The TCK's EJB, JACC and Servlet tests deploy without any MP-JWT configuration, expecting the
 * implementation's defaults to match their tokens; for a deployment without a
 * {@code META-INF/microprofile-config.properties}, this adds one with the key and issuer those
 * tokens are signed with (the TCK's {@code /publicKey.pem}, issuer
 * {@code https://server.example.com}).
 * <p>
 * On WildFly, {@code server-config/wildfly/sigil.cli} keeps token revocations in an Infinispan
 * cache that WildFly binds in JNDI only for a deployment that references it: as every WildFly
 * application with Sigil (the reference web module does the same), each TCK deployment gets a
 * {@code WEB-INF/jboss-web.xml} with that reference. Stateless.
 */
public class SigilArchiveProcessor implements ApplicationArchiveProcessor {

    static final String CONFIG = "META-INF/microprofile-config.properties";

    /** The reference that makes WildFly bind the revocation cache for the deployment. */
    static final String JBOSS_WEB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss-web xmlns="urn:jboss:jakartaee:1.0" version="15.0">
              <resource-env-ref>
                <resource-env-ref-name>sigil/revocation-cache</resource-env-ref-name>
                <resource-env-ref-type>java.util.concurrent.ConcurrentMap</resource-env-ref-type>
                <lookup-name>java:jboss/infinispan/cache/server/sigil-revocation</lookup-name>
              </resource-env-ref>
            </jboss-web>
            """;

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof WebArchive war)) {
            return;
        }
        File libs = new File(Objects.requireNonNull(System.getProperty("sigil.tck.libs"), "sigil.tck.libs"));
        File[] jars = libs.listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no Sigil jars in " + libs);
        }
        Arrays.sort(jars);
        war.addAsLibraries(jars);
        // WildFly reads the file at the WAR's root too (where the TCK's addAsManifestResource puts it).
        if (!war.contains(CONFIG) && !war.contains("WEB-INF/classes/" + CONFIG)) {
            war.addAsResource(new StringAsset("mp.jwt.verify.publickey.location=/publicKey.pem\n"
                    + "mp.jwt.verify.issuer=https://server.example.com\n"), CONFIG);
        }
        if (!war.contains("WEB-INF/jboss-web.xml")) {
            war.addAsWebInfResource(new StringAsset(JBOSS_WEB), "jboss-web.xml");
        }
    }
}
