package io.sigil.app.web;

import io.sigil.auth.mechanism.SigilAuthentication;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The reference application's JAX-RS root, {@code /app/api}; it turns Sigil on. */
@SigilAuthentication
@ApplicationPath("/api")
public class SigilApplication extends Application {
}
