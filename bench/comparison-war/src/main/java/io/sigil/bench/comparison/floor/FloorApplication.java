package io.sigil.bench.comparison.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS root of the comparison WAR whose Jakarta Security mechanism checks nothing. */
@ApplicationPath("/api")
public class FloorApplication extends Application {
}
