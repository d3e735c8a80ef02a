package io.sigil.bench.comparison.jwt;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS root of the comparison WARs with WildFly's own MicroProfile JWT: the annotation makes
 * WildFly's microprofile-jwt subsystem take over the deployment (its own virtual security domain).
 * The key and algorithm come from the WAR's {@code META-INF/microprofile-config.properties}.
 */
@LoginConfig(authMethod = "MP-JWT")
@ApplicationPath("/api")
public class JwtApplication extends Application {
}
