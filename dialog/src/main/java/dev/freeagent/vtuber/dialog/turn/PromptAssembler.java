package dev.freeagent.vtuber.dialog.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.freeagent.vtuber.dialog.memory.MemoryTurn;

/**
 * Builds a turn's prompt, in order: the persona (or {@code meta.system_prompt}, which replaces it for that turn,
 * as upstream callers expect), a language hint when {@code meta.lang} is set, the short-term history oldest
 * first, the user's long-term memories as one system message ({@code Relevant memories:}, contract §5.5), then
 * the user's message. The user's message appears once: it is stored only after the turn. For a turn about an image
 * the last message is the prompt used with the image (content parts, contract §5.10); earlier turns' images are not
 * in the history, only their stored text. Thread-safe.
 */
public final class PromptAssembler {
    private final Persona persona;

    /**
     * Creates the assembler.
     *
     * @param persona the default system prompt
     */
    public PromptAssembler(Persona persona) {
        this.persona = persona;
    }

    /**
     * Assembles the prompt.
     *
     * @param request the turn
     * @param history earlier messages of the conversation, oldest first
     * @param memories what long-term memory recalled about the user, best first
     * @return what the responder needs
     */
    public ReplyRequest assemble(TurnRequest request, List<MemoryTurn> history, List<String> memories) {
        List<ChatMessage> messages = new ArrayList<>(history.size() + 4);
        messages.add(ChatMessage.system(request.systemPrompt().orElse(persona.prompt())));
        request.lang().ifPresent(lang -> messages.add(ChatMessage.system(languageHint(lang))));
        for (MemoryTurn turn : history) {
            messages.add(new ChatMessage(turn.role(), turn.text()));
        }
        if (!memories.isEmpty()) {
            messages.add(ChatMessage.system(relevantMemories(memories)));
        }
        messages.add(request.picture().map(picture -> ChatMessage.user(picture.promptUsed(), picture))
                .orElseGet(() -> ChatMessage.user(request.text())));
        return new ReplyRequest(request.conversationId(), request.text(), request.lang(), messages,
                request.picture());
    }

    private static String relevantMemories(List<String> memories) {
        StringBuilder text = new StringBuilder("Relevant memories:");
        for (int i = 0; i < memories.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(memories.get(i));
        }
        return text.toString();
    }

    /**
     * The instruction for a language code.
     *
     * @param lang e.g. {@code "zh"}, {@code "en-US"}
     * @return e.g. {@code "Reply in Chinese."}
     */
    static String languageHint(String lang) {
        String name = Locale.forLanguageTag(lang.replace('_', '-')).getDisplayLanguage(Locale.ENGLISH);
        return "Reply in " + (name.isBlank() ? lang : name) + ".";
    }
}
