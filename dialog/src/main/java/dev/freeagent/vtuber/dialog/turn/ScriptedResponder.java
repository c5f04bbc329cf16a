package dev.freeagent.vtuber.dialog.turn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The reply when no language model is configured: the contract's mock reply (§5.5, Chinese unless
 * {@code meta.lang} names another language) followed by a plain note saying so, streamed word by word like the
 * original (each word plus a space) with a fixed pause between words. A turn about an image gets the contract's
 * image text instead (§5.10), exactly as written (it already says that the picture cannot be seen), streamed word
 * by word with its own spacing. Thread-safe.
 */
public final class ScriptedResponder implements Responder {
    private static final String ZH_NOTE = "（提示：尚未配置大语言模型，这是预设回复。）";
    private static final String EN_NOTE = " (Note: no language model is configured; this is a scripted reply.)";
    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*");

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
        String lang = request.lang().orElse("zh");
        if (request.picture().isPresent()) {
            // each word keeps the whitespace that follows it, so the deltas add up to the contract's text exactly
            stream(WORD_WITH_SPACE.matcher(imageReply(request.picture().get(), lang)).results()
                    .map(MatchResult::group).toList(), deltas, cancellation);
            return;
        }
        List<String> words = new ArrayList<>();
        for (String word : reply(request.userText().trim(), lang).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word + " ");
            }
        }
        stream(words, deltas, cancellation);
    }

    private void stream(List<String> pieces, Consumer<String> deltas, Cancellation cancellation) {
        for (String piece : pieces) {
            if (!wordDelay.isZero() && cancellation.await(wordDelay)) {
                throw new TurnCancelledException(null);
            }
            cancellation.throwIfCancelled();
            deltas.accept(piece);
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

    /**
     * The contract's text for an image (§5.10): it uses the user's own prompt, never the default one.
     *
     * @param picture the image and what the user asked about it, if anything
     * @param lang a language code
     * @return the reply
     */
    static String imageReply(Picture picture, String lang) {
        Optional<String> prompt = picture.prompt();
        boolean chinese = lang.toLowerCase(Locale.ROOT).startsWith("zh");
        if (prompt.isPresent()) {
            return chinese
                    ? "这张图片听起来很有意思！虽然我暂时看不到实际画面，但根据你的提示「" + prompt.get()
                            + "」我可以和你一起展开想象。要不要再告诉我一些细节？"
                    : "That picture sounds fascinating! I can't see it directly right now, but with your hint \""
                            + prompt.get() + "\" we can imagine it together. Feel free to share more details!";
        }
        return chinese
                ? "这张图片看起来很有意思！虽然我暂时无法直接看到内容，但如果你描述更多细节，我会和你一起展开想象。"
                : "That picture sounds fascinating! I can't view it directly, but if you describe a few more details "
                        + "we can imagine it together.";
    }
}
