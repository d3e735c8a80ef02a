/**
 * Sigil's configuration and activation in a Jakarta EE application: MicroProfile Config is read
 * at deployment into a validated {@link io.sigil.auth.config.SigilConfig}, and every bad value
 * fails the deployment with a {@link io.sigil.auth.config.SigilConfigurationException} naming the
 * key (the token core reports bad keys with a reason only; this package adds the setting's name).
 * While the application runs, {@link io.sigil.auth.config.SigilSettings} reads the settings again
 * at most once per {@code sigil.config.reload-interval} and swaps in a new configuration when a
 * valid value changed; a bad new value is logged and the last good configuration stays.
 *
 * <p>Where to start reading: {@link io.sigil.auth.config.SigilExtension} turns Sigil on for an
 * application carrying {@code @SigilAuthentication} and loads the configuration at deployment;
 * {@link io.sigil.auth.config.SigilConfigLoader#load} reads every key (the key ring through
 * {@code SigilKeysLoader}); {@link io.sigil.auth.config.SigilSettings} holds what is in force now
 * (consumers call {@code settings.current()} or {@code settings.snapshot()} per request instead of
 * keeping a configuration); {@link io.sigil.auth.config.SettingKeys} lists which keys are live and
 * which are fixed at deployment; {@link io.sigil.auth.config.SigilConfigProducer} makes the
 * settings, the current configuration, the verifier and the issuer injectable. Key files are re-read when they change
 * ({@code ReloadingFile}, {@code ReloadSchedule}). Outside issuers ({@code sigil.issuers}) are
 * read by {@link io.sigil.auth.config.TrustedIssuers}, each with its own key source, as part of
 * every {@code SigilSettings} snapshot (so they are live settings too), and made injectable by
 * {@link io.sigil.auth.config.TrustedIssuersProducer}; the token identity store routes each token
 * to its issuer's keys.
 */
package io.sigil.auth.config;
