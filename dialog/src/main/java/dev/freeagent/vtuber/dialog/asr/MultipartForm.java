package dev.freeagent.vtuber.dialog.asr;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body built in memory from text fields and one file, published without copying
 * the file's bytes.
 */
final class MultipartForm {
    private final String boundary = "vtuber-" + UUID.randomUUID();
    private final List<byte[]> pieces = new ArrayList<>();

    /**
     * Adds a text field.
     *
     * @param name the field's name
     * @param value its value
     * @return this
     */
    MultipartForm field(String name, String value) {
        pieces.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"));
        pieces.add(value.getBytes(StandardCharsets.UTF_8));
        pieces.add(ascii("\r\n"));
        return this;
    }

    /**
     * Adds a file field.
     *
     * @param name the field's name
     * @param fileName the file name the server sees
     * @param contentType the file's media type
     * @param content the file, in pieces that are concatenated
     * @return this
     */
    MultipartForm file(String name, String fileName, String contentType, byte[]... content) {
        pieces.add(ascii("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        pieces.addAll(List.of(content));
        pieces.add(ascii("\r\n"));
        return this;
    }

    /**
     * The value of the request's {@code Content-Type} header.
     *
     * @return {@code multipart/form-data; boundary=...}
     */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /**
     * The body, closed with the final boundary.
     *
     * @return the publisher
     */
    HttpRequest.BodyPublisher publisher() {
        List<byte[]> all = new ArrayList<>(pieces);
        all.add(ascii("--" + boundary + "--\r\n"));
        long length = all.stream().mapToLong(piece -> piece.length).sum();
        // a known length, because some servers refuse chunked uploads
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(all), length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
