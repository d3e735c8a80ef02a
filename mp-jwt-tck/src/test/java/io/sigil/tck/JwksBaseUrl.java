package io.sigil.tck;

import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.test.spi.event.suite.BeforeClass;

/**
 * Points the TCK's {@code mp.jwt.tck.jwks.baseURL} at the deployment of the test class about to
 * run. {@code PublicKeyAsPEMLocationURLTest} and {@code PublicKeyAsJWKLocationURLTest} build their
 * {@code mp.jwt.verify.publickey.location} from it in their {@code @Deployment} method: a URL
 * served by that deployment itself. The TCK's default, {@code http://localhost:8080/}, assumes the
 * root context; a WildFly WAR is served under its name ({@code /PublicKeyAsPEMLocationURLTest/})
 * and this server listens on {@code sigil.tck.http-port}. Runs before Arquillian generates the
 * class's deployment (a higher precedence than Arquillian's own {@code BeforeClass} observer).
 * Used by one thread at a time.
 */
public class JwksBaseUrl {

    static final String PROPERTY = "mp.jwt.tck.jwks.baseURL";

    /** @param event the class about to run */
    public void beforeClass(@Observes(precedence = 100) BeforeClass event) {
        String port = System.getProperty("sigil.tck.http-port", "8080");
        System.setProperty(PROPERTY, "http://127.0.0.1:" + port + "/"
                + event.getTestClass().getJavaClass().getSimpleName() + "/");
    }
}
