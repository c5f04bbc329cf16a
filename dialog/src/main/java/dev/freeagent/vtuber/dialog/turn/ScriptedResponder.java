package dev.freeagent.vtuber.dialog.turn;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The reply when no language model is configured: the contract's mock reply (§5.5, Chinese unless
 * {@code meta.lang} names another language) followed by a plain note saying so, streamed word by word like the
 * original (each word plus a space) with a fixed pause between words. Thread-safe.
 */
public final class ScriptedResponder implements Responder {
    private static final String ZH_NOTE = "（提示：尚未配置大语言模型，这是预设回复。）";
    private static final String EN_NOTE = " (Note: no language model is configured; this is a scripted reply.)";

    private final Duration wordDelay;

    /**
     * Creates the responder.
     *
     * @param wordDelay pause before each word; zero in tests
     */
    public ScriptedResponder(Duration wordDelay) {
        if (wordDelay.isNegative()) {
            throw new IllegalArgumentException("dialog.scripted.word-delay-ms must be at least 0, got "
                    + wordDelay.toMillis());
        }
        this.wordDelay = wordDelay;
    }

    @Override
    public String source() {
        return "scripted";
    }

    @Override
    public void respond(ReplyRequest request, Consumer<String> deltas, Cancellation cancellation) {
        String text = reply(request.userText().trim(), request.lang().orElse("zh"));
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!wordDelay.isZero() && cancellation.await(wordDelay)) {
                throw new TurnCancelledException(null);
            }
            cancellation.throwIfCancelled();
            deltas.accept(word + " ");
        }
    }

    /**
     * The scripted text.
     *
     * @param userText the trimmed user message
     * @param lang a language code
     * @return the reply with its note
     */
    static String reply(String userText, String lang) {
        if (lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return "你说「" + userText + "」，这很有意思！我在这儿，随时可以继续聊聊。 如果你愿意，也可以告诉我你现在在做什么～"
                    + ZH_NOTE;
        }
        return "You said: '" + userText + "'. That sounds interesting! I'm here to chat whenever you like. "
                + "Feel free to share what you're up to!" + EN_NOTE;
    }
}
