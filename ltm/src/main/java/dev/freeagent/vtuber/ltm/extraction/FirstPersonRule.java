package dev.freeagent.vtuber.ltm.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule used without a language model: the user's own sentences that state something about themselves.
 * A sentence qualifies when it is in the first person as its subject or owner ("I …", "I'm …", "my …"; "我…",
 * "…我的…"), is not a question, and does not start with a request ("tell me…", "给我…"). The reply is ignored:
 * it is the character talking, not the user. Thread-safe.
 */
public final class FirstPersonRule implements FactExtractor {
    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？；;\\n]+[.!?。！？；;]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}'’]+");
    private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "i’m", "im", "i've", "i’ve", "i'd", "i’d",
            "i'll", "i’ll", "my", "mine", "myself");
    private static final Set<String> QUESTION_OR_REQUEST = Set.of("what", "why", "how", "when", "where", "who",
            "which", "whose", "do", "does", "did", "can", "could", "would", "will", "should", "shall", "is", "are",
            "am", "was", "were", "may", "tell", "give", "show", "let", "help", "please", "remind", "sing", "play",
            "teach", "say", "explain");
    private static final Pattern CHINESE_FIRST_PERSON = Pattern.compile("^(其实|因为|但是|不过|而且|还有)?我|我的");
    private static final Pattern CHINESE_REQUEST = Pattern.compile("^(请|给我|帮我|让我|告诉我|跟我|为我|替我)");
    private static final Pattern CHINESE_QUESTION = Pattern.compile("(吗|呢|么|嘛)$");

    private final FactLimits limits;

    /**
     * Creates the rule.
     *
     * @param limits the shape of a fact
     */
    public FirstPersonRule(FactLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<String> facts(TurnText turn) {
        List<String> statements = new ArrayList<>();
        Matcher sentences = SENTENCE.matcher(turn.userText());
        while (sentences.find()) {
            String sentence = sentences.group().strip();
            if (statesSomethingAboutTheUser(sentence)) {
                statements.add(sentence);
            }
        }
        return limits.apply(statements);
    }

    private static boolean statesSomethingAboutTheUser(String sentence) {
        if (sentence.isEmpty() || sentence.endsWith("?") || sentence.endsWith("？")) {
            return false;
        }
        String body = sentence.replaceAll("[.!。！；;]+$", "");
        if (body.indexOf('我') >= 0) {
            return CHINESE_FIRST_PERSON.matcher(body).find() && !CHINESE_REQUEST.matcher(body).find()
                    && !CHINESE_QUESTION.matcher(body).find();
        }
        List<String> words = WORD.matcher(body).results().map(m -> m.group().toLowerCase(Locale.ROOT)).toList();
        return !words.isEmpty() && !QUESTION_OR_REQUEST.contains(words.getFirst())
                && words.stream().anyMatch(FIRST_PERSON::contains);
    }
}
