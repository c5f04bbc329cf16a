package dev.freeagent.vtuber.dialog.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * What the HTTP route tests share: posting JSON to a dialog service, splitting an SSE body into its events, the
 * field names of a JSON object in order, and the outbox rows of a session read straight from the SQLite file.
 */
final class ChatHttp implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    ChatHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * The events of an SSE body framed as the contract frames them.
     *
     * @param body the body
     * @return the events in order
     */
    static List<SseEvent> events(String body) {
        List<SseEvent> events = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            String[] lines = frame.split("\n");
            if (lines.length != 2 || !lines[0].startsWith("event: ") || !lines[1].startsWith("data: ")) {
                throw new AssertionError("not an SSE frame of the contract: " + frame);
            }
            events.add(new SseEvent(lines[0].substring(7), lines[1].substring(6)));
        }
        return events;
    }

    /**
     * The field names of a JSON object, in order.
     *
     * @param object the object
     * @return its names
     */
    static List<String> keys(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The outbox events whose payload names a session, oldest first.
     *
     * @param db the dialog's SQLite file
     * @param sessionId the session
     * @return the rows
     */
    static List<OutboxRow> outbox(Path db, String sessionId) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT type, payload FROM outbox_events WHERE payload LIKE ? ORDER BY id")) {
            select.setString(1, "%\"sessionId\":\"" + sessionId + "\"%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getString(1), Json.parse(result.getString(2))));
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * One SSE event.
     *
     * @param name the event name
     * @param data the data line as sent
     */
    record SseEvent(String name, String data) {
        JsonNode json() {
            return Json.parse(data);
        }
    }

    /**
     * One outbox row.
     *
     * @param type the event type
     * @param payload the envelope
     */
    record OutboxRow(String type, JsonNode payload) {
    }
}
