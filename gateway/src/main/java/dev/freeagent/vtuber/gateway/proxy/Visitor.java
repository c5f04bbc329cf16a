package dev.freeagent.vtuber.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The browser that opened an input socket, remembered by the {@code vtuber_visitor} cookie. The original front
 * end sends no session id, so this id is what lets input give one browser a multi-turn conversation.
 *
 * @param id the visitor id, a lower-case UUID
 * @param issued whether the id is new and must be set as a cookie
 */
record Visitor(String id, boolean issued) {
    /** The cookie's name. */
    static final String COOKIE = "vtuber_visitor";
    /** The handshake header that carries the id to input. */
    static final String HEADER = "X-Vtuber-Visitor";
    private static final long ONE_YEAR_SECONDS = 31_536_000L;

    /**
     * The visitor named by the request's cookies, or a new one when there is no valid id among them.
     *
     * @param cookieHeaders the values of the request's {@code Cookie} headers
     * @return the visitor
     */
    static Visitor from(List<String> cookieHeaders) {
        return cookieHeaders.stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(pair -> pair.startsWith(COOKIE + "="))
                .map(pair -> canonical(unquoted(pair.substring(COOKIE.length() + 1).trim())))
                .flatMap(Optional::stream)
                .findFirst()
                .map(id -> new Visitor(id, false))
                .orElseGet(() -> new Visitor(UUID.randomUUID().toString(), true));
    }

    /**
     * The {@code Set-Cookie} value that gives the browser this id for a year.
     *
     * @return the header value
     */
    String setCookie() {
        return COOKIE + "=" + id + "; Path=/; Max-Age=" + ONE_YEAR_SECONDS + "; HttpOnly; SameSite=Lax";
    }

    // RFC 6265 allows a cookie value in double quotes (the JDK's CookieManager sends it so)
    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static Optional<String> canonical(String value) {
        try {
            String parsed = UUID.fromString(value).toString();
            // UUID.fromString also accepts short groups such as "1-2-3-4-5"; only the canonical form is an id
            return parsed.equalsIgnoreCase(value) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
