package io.sigil.auth.token.internal;

import io.sigil.auth.token.InvalidKeyMaterialException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Reads key material (PEM, JWK, JWK Set) as UTF-8 text from a location: a plain file path, a
 * {@code file:} URL, {@code classpath:name} (through a given class loader) or an {@code https:}
 * URL (the JDK's {@link HttpClient}, connect and request timeouts, redirects not followed, at most
 * {@link #MAX_BYTES}). Plain {@code http:} and every other scheme are refused. Stateless and
 * thread-safe.
 */
public final class KeyLocation {

    /** The largest key file read, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** The default connect and request timeout for {@code https:} locations. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private KeyLocation() {
    }

    /**
     * Reads a location.
     *
     * @param location    the location as configured
     * @param classLoader the loader for {@code classpath:} locations
     * @param timeout     the connect and request timeout for {@code https:}
     * @return the text
     * @throws InvalidKeyMaterialException if the location is malformed, unreadable, too large, not
     *                                     UTF-8, or of a refused scheme
     */
    public static String read(String location, ClassLoader classLoader, Duration timeout) {
        if (location == null || location.isBlank()) {
            throw new InvalidKeyMaterialException("the key location is empty");
        }
        String trimmed = location.trim();
        try {
            if (trimmed.startsWith("classpath:")) {
                String name = trimmed.substring("classpath:".length());
                name = name.startsWith("/") ? name.substring(1) : name;
                try (InputStream in = classLoader.getResourceAsStream(name)) {
                    if (in == null) {
                        throw new InvalidKeyMaterialException("no classpath resource " + name);
                    }
                    return text(readBounded(in, "the key text"));
                }
            }
            if (trimmed.startsWith("https:")) {
                return text(fetchHttps(new URI(trimmed), timeout));
            }
            Path path;
            if (trimmed.startsWith("file:")) {
                path = Paths.get(new URI(trimmed));
            } else if (trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !trimmed.matches("^[A-Za-z]:[\\\\/].*")) {
                throw new InvalidKeyMaterialException("only a file path, file:, classpath: or "
                        + "https: location is accepted");
            } else {
                path = Paths.get(trimmed);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return text(readBounded(in, "the key text"));
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new InvalidKeyMaterialException("cannot read " + trimmed, e);
        }
    }

    /**
     * Fetches an {@code https:} URL with the JDK's HTTP client: no redirects, status 200 only, at
     * most {@link #MAX_BYTES}.
     *
     * @param uri     the URL; its scheme must be {@code https}
     * @param timeout the connect and request timeout
     * @return the body
     * @throws IOException if the fetch fails, times out, answers other than 200 or is too large
     */
    public static byte[] fetchHttps(URI uri, Duration timeout) throws IOException {
        return fetch(uri, timeout, false);
    }

    /**
     * As {@link #fetchHttps}, but with {@code allowHttp} a plain {@code http:} URL is fetched too
     * (only where the configuration names that opt-out: nothing protects such a fetch).
     *
     * @param uri       the URL; {@code https}, or {@code http} when allowed
     * @param timeout   the connect and request timeout
     * @param allowHttp whether a plain {@code http:} URL is fetched
     * @return the body
     * @throws IOException if the scheme is refused, or the fetch fails, times out, answers other
     *                     than 200 or is too large
     */
    public static byte[] fetch(URI uri, Duration timeout, boolean allowHttp) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !(allowHttp && "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IOException("only https URLs are fetched");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/jwk-set+json, application/json, */*").build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP status " + response.statusCode());
                }
                return readBounded(body, uri.getHost());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] readBounded(InputStream in, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > MAX_BYTES) {
                throw new IOException(what + ": larger than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidKeyMaterialException("the key text is not UTF-8");
        }
    }
}
