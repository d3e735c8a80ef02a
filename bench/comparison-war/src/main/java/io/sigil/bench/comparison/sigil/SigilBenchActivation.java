package io.sigil.bench.comparison.sigil;

import io.sigil.auth.mechanism.SigilAuthentication;

/**
 * Turns Sigil on in the small comparison WAR (classifier {@code sigil}): the same resource as the
 * floor WARs ({@code FloorMeResource}, through {@code SecurityContext}), authenticated by Sigil's
 * mechanism and token store from the library jars in {@code WEB-INF/lib}, without the reference
 * application around it (no MP-JWT injection, no distributable session, no user store).
 */
@SigilAuthentication
public class SigilBenchActivation {
}
