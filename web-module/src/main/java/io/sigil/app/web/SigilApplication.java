package io.sigil.app.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The reference application's JAX-RS root, {@code /app/api}. */
@ApplicationPath("/api")
public class SigilApplication extends Application {
}
