package io.sigil.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket, byte for byte, for requests that a well-behaved client refuses to
 * send: oversized or repeated headers, invalid encodings, a client that sends slowly. Each
 * exchange uses its own connection with {@code Connection: close}. Stateless.
 */
final class RawHttp {

    private static final URI BASE = URI.create(SigilITBase.BASE);
    private static final int MAX_ANSWER = 1 << 20;

    private RawHttp() {
    }

    /**
     * An answer: the status (0 when the server closed the connection without one) and the body.
     *
     * @param status the status code, or 0
     * @param text   the whole answer, headers and body, as ISO-8859-1
     */
    record Answer(int status, String text) {
    }

    /** The request head for a path and extra header lines (each ending in CRLF), as bytes. */
    static byte[] head(String method, byte[] path, String... headerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(path);
        out.writeBytes((" HTTP/1.1\r\nHost: " + BASE.getHost() + ":" + BASE.getPort() + "\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (String line : headerLines) {
            out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A POST of a body with a Content-Type and its Content-Length, as bytes. */
    static byte[] post(String below, String contentType, byte[] body) {
        byte[] head = head("POST", path(below), "Content-Type: " + contentType + "\r\n",
                "Content-Length: " + body.length + "\r\n");
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** @return the path below the application's context root, as bytes */
    static byte[] path(String below) {
        return (BASE.getPath() + below).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the bytes at once and reads the answer. */
    static Answer exchange(byte[] request) throws IOException {
        return exchange(request, 0, Duration.ZERO);
    }

    /**
     * Sends the bytes in pieces of {@code chunk} bytes with a pause after each (a slow client), or
     * at once when {@code chunk} is 0, then reads the answer until the server closes.
     */
    static Answer exchange(byte[] request, int chunk, Duration pause) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BASE.getHost(), BASE.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            try {
                if (chunk <= 0) {
                    out.write(request);
                } else {
                    for (int i = 0; i < request.length; i += chunk) {
                        out.write(request, i, Math.min(chunk, request.length - i));
                        out.flush();
                        Thread.sleep(pause.toMillis());
                    }
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (a refused header).
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0 && answer.size() < MAX_ANSWER; ) {
                answer.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            // A reset after the answer, or instead of one.
        }
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        int status = 0;
        if (text.startsWith("HTTP/1.") && text.length() >= 12) {
            status = Integer.parseInt(text.substring(9, 12));
        }
        return new Answer(status, text);
    }
}
