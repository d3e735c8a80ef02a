package io.sigil.auth.mechanism;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns Sigil on in the application that carries it: Sigil's authentication mechanism, its token
 * identity store, its configuration, revocation store and, when {@code sigil.datasource} is set,
 * its JDBC user store become CDI beans of the application. Put it on any one class of the
 * application, typically its JAX-RS {@code Application}:
 * <pre>{@code
 * @SigilAuthentication
 * @ApplicationPath("/api")
 * public class OrdersApplication extends Application { }
 * }</pre>
 * Everything else is configured with MicroProfile Config ({@code sigil.*} and {@code mp.jwt.*}
 * keys), so that the server's admin console can change it without a rebuild. Without this
 * annotation the Sigil jars in a deployment stay inert: no mechanism, no required secret.
 * <p>
 * It is a CDI stereotype, so that the class carrying it is discovered in any bean archive, with
 * or without {@code beans.xml}; the class becomes a {@code @Dependent} bean, which changes nothing
 * for a JAX-RS application or resource.
 */
@Stereotype
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SigilAuthentication {
}
