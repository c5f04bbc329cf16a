package dev.freeagent.vtuber.input.turn;

import dev.freeagent.vtuber.common.json.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON published on {@code task_response:{task_id}} (contract §3.3), keys in the original's order.
 */
public final class ResultMessage {
    private static final String SOURCE = "dialog-engine";

    private ResultMessage() {
    }

    /**
     * A success result.
     *
     * @param task the task
     * @param reply dialog's reply
     * @return the JSON text
     */
    public static String success(Task task, DialogReply reply) {
        ObjectNode json = Json.object();
        json.put("status", "success");
        json.put("sessionId", task.taskId());
        json.put("text", reply.text());
        json.put("transcript", reply.transcript());
        ObjectNode stats = json.putObject("stats");
        if (reply.ttftMs().isPresent()) {
            stats.put("ttft_ms", reply.ttftMs().getAsDouble());
        } else {
            stats.putNull("ttft_ms");
        }
        stats.put("tokens", reply.tokens());
        json.put("source", SOURCE);
        json.put("input_mode", task.mode().wireName());
        if (task.mode() == InputMode.AUDIO && !reply.partials().isEmpty()) {
            reply.partials().forEach(json.putArray("partials")::add);
        }
        if (task.mode() == InputMode.IMAGE && task.hasMeta()) {
            json.set("meta", task.meta());
        }
        if (reply.spoken()) {
            // the output service keeps the client's socket open until the speech has been delivered
            json.put("audio", true);
        }
        return Json.write(json);
    }

    /**
     * An error result.
     *
     * @param taskId the task id
     * @param error the error text
     * @return the JSON text
     */
    public static String error(String taskId, String error) {
        ObjectNode json = Json.object();
        json.put("status", "error");
        json.put("task_id", taskId);
        json.put("error", error);
        json.put("source", SOURCE);
        return Json.write(json);
    }
}
