package dev.freeagent.vtuber.ltm.extraction;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freeagent.vtuber.common.json.Json;

/**
 * Asks an OpenAI-compatible chat model (one non-streaming {@code /chat/completions} call, bounded by
 * {@code timeout-seconds}) for the facts a turn states about the user, as a JSON array of short sentences.
 * Any failure (unreachable, HTTP error, timeout, an answer that is not such an array) is logged and the
 * fallback rule decides instead, so a turn is never lost to the model. Thread-safe; close it.
 */
public final class FactExtractionClient implements FactExtractor, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FactExtractionClient.class.getName());
    private static final String INSTRUCTIONS = """
            You pick out lasting facts about the user from one turn of a conversation between the user and an \
            AI character: who they are, what they like or dislike, their plans, people and things in their life. \
            Use only what the user says; the character's reply is context, never a source of facts. Write each \
            fact as one short sentence in the user's own language and first person, as the user would say it \
            ("I love chocolate cake", "我养了一只猫"). Leave out greetings, questions, requests and small talk. \
            Answer with only a JSON array of strings, and [] when there is nothing worth remembering.""";

    private final ExtractionSettings settings;
    private final FactExtractor fallback;
    private final ExecutorService executor;
    private final HttpClient http;

    /**
     * Creates the client.
     *
     * @param settings the model and limits
     * @param fallback decides when the model cannot
     */
    public FactExtractionClient(ExtractionSettings settings, FactExtractor fallback) {
        this.settings = settings;
        this.fallback = fallback;
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ltm-extraction-http-", 0).factory());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public List<String> facts(TurnText turn) {
        if (turn.userText().isEmpty()) {
            return List.of();
        }
        try {
            return settings.limits().apply(ask(turn));
        } catch (ExtractionFailure e) {
            LOG.log(Level.WARNING, "Fact extraction by " + settings.model() + " failed (" + e.getMessage()
                    + "); the first-person rule decides for this turn.");
            return fallback.facts(turn);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback.facts(turn);
        }
    }

    private List<String> ask(TurnText turn) throws ExtractionFailure, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request(turn), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ExtractionFailure(settings.endpoint().getAuthority() + " could not be reached or timed out");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ExtractionFailure("HTTP " + response.statusCode());
        }
        try {
            String content = Json.parse(response.body()).path("choices").path(0).path("message").path("content")
                    .asText("");
            return sentences(content);
        } catch (Json.InvalidJsonException e) {
            throw new ExtractionFailure("the answer is not JSON");
        }
    }

    private HttpRequest request(TurnText turn) {
        ObjectNode body = Json.object();
        body.put("model", settings.model());
        body.put("stream", false);
        body.put("temperature", 0);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", INSTRUCTIONS);
        messages.addObject().put("role", "user").put("content", "User: " + turn.userText()
                + (turn.reply().isEmpty() ? "" : "\nCharacter: " + turn.reply()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (!settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    /** The array may come wrapped in prose or a code fence: the outermost brackets are what counts. */
    private static List<String> sentences(String content) throws ExtractionFailure {
        int open = content.indexOf('[');
        int close = content.lastIndexOf(']');
        if (open < 0 || close < open) {
            throw new ExtractionFailure("the answer holds no JSON array");
        }
        JsonNode array = Json.parse(content.substring(open, close + 1));
        List<String> facts = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new ExtractionFailure("the array holds something other than sentences");
            }
            facts.add(item.asText());
        }
        return facts;
    }

    @Override
    public void close() {
        http.shutdownNow();
        executor.shutdownNow();
    }

    /** One failed attempt; the message says why, for the log. */
    private static final class ExtractionFailure extends Exception {
        ExtractionFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
