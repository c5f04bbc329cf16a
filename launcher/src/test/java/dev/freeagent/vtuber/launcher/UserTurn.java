package dev.freeagent.vtuber.launcher;

import java.net.http.HttpClient;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.common.testing.WsTestClient;

/**
 * One text turn of an identified user, sent through the gateway as a client that names its user does: open
 * {@code /ws/input}, read the task id, open {@code /ws/output/{task}}, send the text with {@code userId} and
 * {@code sessionId}, then {@code upload_complete}, and take the first frame of the output socket as the result.
 * A turn never throws: whatever ended it (a result frame, a close, silence, a broken socket) is its outcome.
 *
 * @param user the user id
 * @param text what the user typed
 * @param taskId the task id the gateway gave; empty when the turn ended before
 * @param result the first frame of the output socket, when it was JSON text
 * @param otherwise what ended the turn instead of a result frame, in words; empty when there was a result
 */
record UserTurn(String user, String text, String taskId, JsonNode result, String otherwise) {
    /**
     * Sends one turn and waits (bounded) for its result.
     *
     * @param http the client
     * @param gatewayWs the gateway's {@code ws://} base URL
     * @param user the user id
     * @param conversation the session id
     * @param text what the user types
     * @param wait the longest wait for each frame
     * @return the outcome
     */
    static UserTurn send(HttpClient http, String gatewayWs, String user, String conversation, String text,
                         Duration wait) {
        String taskId = "";
        try (WsTestClient input = WsTestClient.open(http, gatewayWs + "/ws/input")) {
            taskId = Json.parse(input.nextText(wait)).path("task_id").asText();
            try (WsTestClient output = WsTestClient.open(http, gatewayWs + "/ws/output/" + taskId)) {
                ObjectNode chunk = Json.object()
                        .put("type", "text").put("chunk_id", 0).put("action", "data_chunk")
                        .put("text", text).put("userId", user).put("sessionId", conversation);
                chunk.putObject("meta").put("lang", "en");
                input.sendText(Json.write(chunk));
                input.sendText("{\"action\":\"upload_complete\"}");
                return result(new UserTurn(user, text, taskId, null, ""), output, wait);
            }
        } catch (Exception | AssertionError e) {
            // WsTestClient reports silence as an AssertionError; both are outcomes to count, not test failures
            return new UserTurn(user, text, taskId, null, "the turn ended without a result: " + e);
        }
    }

    /**
     * Asks for the turn's result again, as a client does after an error frame: a new output socket with the same
     * task id, which gets the result's durable copy.
     *
     * @param http the client
     * @param gatewayWs the gateway's {@code ws://} base URL
     * @param wait the longest wait for the frame
     * @return the outcome of this attempt
     */
    UserTurn fetchAgain(HttpClient http, String gatewayWs, Duration wait) {
        try (WsTestClient output = WsTestClient.open(http, gatewayWs + "/ws/output/" + taskId)) {
            return result(this, output, wait);
        } catch (Exception | AssertionError e) {
            return new UserTurn(user, text, taskId, null, "the result could not be fetched again: " + e);
        }
    }

    private static UserTurn result(UserTurn turn, WsTestClient output, Duration wait) throws InterruptedException {
        Object first = output.next(wait);
        return first instanceof String frame
                ? new UserTurn(turn.user, turn.text, turn.taskId, Json.parse(frame), "")
                : new UserTurn(turn.user, turn.text, turn.taskId, null, "the output socket gave no result but " + first);
    }

    /**
     * Whether the client got a success result.
     *
     * @return true for {@code "status":"success"}
     */
    boolean succeeded() {
        return result != null && "success".equals(result.path("status").asText());
    }

    /**
     * Whether the client got an error result that says what went wrong.
     *
     * @return true for {@code "status":"error"} with a non-blank {@code error}
     */
    boolean failedClearly() {
        return result != null && "error".equals(result.path("status").asText())
                && !result.path("error").asText().isBlank();
    }

    @Override
    public String toString() {
        return user + " \"" + text + "\": " + (result != null ? result.toString() : otherwise);
    }
}
