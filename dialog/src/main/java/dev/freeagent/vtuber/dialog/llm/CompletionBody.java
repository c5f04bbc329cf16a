package dev.freeagent.vtuber.dialog.llm;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;
import dev.freeagent.vtuber.dialog.turn.ChatMessage;

/**
 * The JSON body of a streaming chat-completions request (contract §5.6): model, messages, temperature,
 * max_tokens, top_p, frequency_penalty, presence_penalty, stream=true. No tools, no stop, no user. A message with a
 * picture is sent as content parts: the text, then the image as a data URL (§5.10).
 */
final class CompletionBody {
    private CompletionBody() {
    }

    static String of(LlmSettings settings, List<ChatMessage> messages) {
        ObjectNode body = Json.object();
        body.put("model", settings.model());
        ArrayNode list = body.putArray("messages");
        for (ChatMessage message : messages) {
            ObjectNode entry = list.addObject().put("role", message.role());
            message.picture().ifPresentOrElse(picture -> {
                ArrayNode parts = entry.putArray("content");
                parts.addObject().put("type", "text").put("text", message.content());
                parts.addObject().put("type", "image_url").putObject("image_url").put("url", picture.dataUrl());
            }, () -> entry.put("content", message.content()));
        }
        body.put("temperature", settings.temperature());
        body.put("max_tokens", settings.maxTokens());
        body.put("top_p", settings.topP());
        body.put("frequency_penalty", settings.frequencyPenalty());
        body.put("presence_penalty", settings.presencePenalty());
        body.put("stream", true);
        return Json.write(body);
    }
}
