/**
 * What a MicroProfile JWT application gets besides injection when Sigil takes it over: the web
 * glue. {@link io.sigil.auth.mpjwt.MpJwtInitializer} finds {@code @LoginConfig(authMethod = "MP-JWT")}
 * and registers {@link io.sigil.auth.mpjwt.RolesAllowedFeature}, which enforces
 * {@code @RolesAllowed}, {@code @DenyAll} and {@code @PermitAll} on JAX-RS resources with 401 for a
 * caller without a token and 403 for one without the role. Turning the CDI beans on is
 * {@link io.sigil.auth.config.SigilExtension}'s work.
 */
package io.sigil.auth.mpjwt;
