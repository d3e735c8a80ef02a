/**
 * Sigil's drop-in HTTP endpoints, plain servlets for a WAR's {@code WEB-INF/lib}: the token
 * endpoint, logout, password change, the JWKS document, form login and logout, and the
 * problem+json error page.
 *
 * <p>Where to start reading: {@link io.sigil.auth.endpoints.SigilEndpoints#onStartup} registers
 * the servlets under the paths and switches of {@link io.sigil.auth.endpoints.EndpointSettings};
 * tokens are issued in {@link io.sigil.auth.endpoints.TokenEndpoint}. Request bodies are read by
 * {@link io.sigil.auth.endpoints.JsonBodies}, and every error answer is built by
 * {@link io.sigil.auth.endpoints.Problems} (RFC 9457).
 */
package io.sigil.auth.endpoints;
