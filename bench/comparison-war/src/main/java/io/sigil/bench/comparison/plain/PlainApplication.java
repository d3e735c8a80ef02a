package io.sigil.bench.comparison.plain;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS root of the comparison WAR without authentication. */
@ApplicationPath("/api")
public class PlainApplication extends Application {
}
