/**
 * Login throttling across a cluster: failed password attempts counted per account and per client
 * address in the cluster's shared map, and growing delays past a threshold. Start with
 * {@link io.sigil.auth.throttle.LoginThrottle}, which the token endpoint, the form login (through
 * the mechanism's password path) and the password change ask before any identity store hashes a
 * password; the numbers are in {@link io.sigil.auth.throttle.ThrottlePolicy}.
 */
package io.sigil.auth.throttle;
