package io.sigil.auth.endpoints;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The frame of Sigil's HTML pages (sign-in, account): one stylesheet from this jar
 * ({@code META-INF/resources/sigil/sigil.css}), no script, no outside asset, and a strict
 * Content-Security-Policy. Every text put into a page goes through {@link #escape}. Stateless.
 */
final class Pages {

    /** Nothing but this application's own stylesheet and forms; no script, no frame, no plugin. */
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private Pages() {
    }

    /**
     * Writes a whole page.
     *
     * @param request  the request, for the context path
     * @param response the response, not yet committed
     * @param status   the HTTP status
     * @param title    the page title, plain text
     * @param body     the page's main content, HTML already escaped
     * @throws IOException if the page cannot be written
     */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + escape(request.getContextPath()) + "/sigil/sigil.css\">"
                + "</head><body><main class=\"card\">" + body + "</main></body></html>\n");
    }

    /** @return the text with HTML's special characters escaped, for element content and quoted attributes */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
