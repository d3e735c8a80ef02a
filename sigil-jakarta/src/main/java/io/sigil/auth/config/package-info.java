/**
 * Sigil's configuration and activation in a Jakarta EE application: MicroProfile Config is read
 * once per deployment into a validated {@link io.sigil.auth.config.SigilConfig}, and every bad
 * value fails the deployment with a {@link io.sigil.auth.config.SigilConfigurationException}
 * naming the key (the token core reports bad keys with a reason only; this package adds the
 * setting's name).
 *
 * <p>Where to start reading: {@link io.sigil.auth.config.SigilExtension} turns Sigil on for an
 * application carrying {@code @SigilAuthentication} and loads the configuration at deployment;
 * {@link io.sigil.auth.config.SigilConfigLoader#load} reads every key (the key ring through
 * {@code SigilKeysLoader}); {@link io.sigil.auth.config.SigilConfigProducer} makes the
 * configuration, the verifier and the issuer injectable. Key files are re-read when they change
 * ({@code ReloadingFile}, {@code ReloadSchedule}).
 */
package io.sigil.auth.config;
