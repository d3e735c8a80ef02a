/**
 * Sigil's HTTP authentication mechanism, kept thin: it finds the credential, asks the
 * identity stores, and maps the answer to the container's calls.
 *
 * <p>Where to start reading:
 * {@link io.sigil.auth.mechanism.SigilAuthenticationMechanism#validateRequest} (the order of a
 * request: programmatic login, token, session fallback); the token is found by
 * {@link io.sigil.auth.mechanism.TokenExtractor}. {@link io.sigil.auth.mechanism.SigilAuthentication}
 * is the annotation that turns Sigil on in an application; the HttpSession fallback keeps a
 * {@link io.sigil.auth.mechanism.SessionLogin}; applications read who is calling with
 * {@link io.sigil.auth.mechanism.AuthenticatedCaller#of}.
 */
package io.sigil.auth.mechanism;
