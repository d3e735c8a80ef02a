/**
 * Test doubles shared by the unit tests of every package: small fakes of the servlet, Jakarta
 * Security and CDI types Sigil calls (built with {@link io.sigil.auth.testing.Proxies}, answering
 * only what Sigil calls), a PBKDF2 password hash over the JDK, an in-memory H2 database, and real
 * configurations and tokens made by the loader and the token core. No container, no mocking
 * library.
 */
package io.sigil.auth.testing;
