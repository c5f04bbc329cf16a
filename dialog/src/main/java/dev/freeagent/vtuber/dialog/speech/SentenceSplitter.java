package dev.freeagent.vtuber.dialog.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts a reply that arrives in deltas into sentences for speech synthesis, as soon as each one is complete.
 *
 * <p>A sentence ends at a newline; after Chinese {@code 。！？；…} wherever they stand; after English
 * {@code . ! ? ;} only when whitespace or a CJK character follows, so {@code 3.14} and {@code e.g.} stay whole
 * (a period after a known abbreviation, an initial or a dotted word such as {@code e.g} never ends one). Runs of
 * end marks and closing quotes or brackets stay with their sentence ({@code 真的吗？！」}). Whether a mark ends a
 * sentence can depend on the character after it, so a mark at the end of a delta waits for the next delta (or
 * {@link #flush()}). The first sentence of a reply may also end at {@code ，、：,:} once it has
 * {@code first-min-chars}, so the first audio starts early. A run longer than {@code max-chars} without an end is
 * cut at its last comma or space before the limit, else at the limit. Sentences are trimmed; pieces with no
 * letter or digit (blank, or punctuation only) are dropped, since there is nothing to say.
 *
 * <p>Not thread-safe: one splitter per reply.
 */
public final class SentenceSplitter {
    private static final String WIDE_ENDS = "。！？；…";
    private static final String NARROW_ENDS = ".!?;";
    private static final String WIDE_PAUSES = "，、：";
    private static final String NARROW_PAUSES = ",:";
    private static final String CLOSERS = "\"'”’)）」』】》]";
    private static final String OPENERS = "\"'“‘(（「『【《[";
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs",
            "mt", "fig", "approx");
    private static final int UNDECIDED = -1;

    private final SplitterSettings settings;
    private final StringBuilder pending = new StringBuilder();
    private boolean first = true;

    /**
     * Creates a splitter for one reply.
     *
     * @param settings where and how long
     */
    public SentenceSplitter(SplitterSettings settings) {
        this.settings = settings;
    }

    /**
     * Adds the next piece of the reply.
     *
     * @param delta text as the model wrote it, possibly empty
     * @return the sentences this delta completed, in order (often none)
     */
    public List<String> feed(String delta) {
        pending.append(delta);
        List<String> sentences = new ArrayList<>(2);
        int start = skipWhitespace(0);
        while (start < pending.length()) {
            int cut = naturalCut(start);
            if (cut == UNDECIDED) {
                cut = forcedCut(start);
            }
            if (cut == UNDECIDED) {
                break;
            }
            emit(pending.substring(start, cut)).ifPresent(sentences::add);
            start = skipWhitespace(cut);
        }
        pending.delete(0, start);
        return sentences;
    }

    /**
     * Ends the reply.
     *
     * @return what remains after the last complete sentence, when there is something to say
     */
    public Optional<String> flush() {
        Optional<String> rest = emit(pending.toString());
        pending.setLength(0);
        return rest;
    }

    private int naturalCut(int start) {
        for (int i = start; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (c == '\n' || c == '\r') {
                return i + 1;
            }
            boolean end = isEnd(c);
            if (!end && !(first && isPause(c))) {
                continue;
            }
            int runEnd = runEnd(i + 1);
            if (runEnd == pending.length()) {
                return UNDECIDED;
            }
            if (endsHere(c, start, i, runEnd) && (end || pending.substring(start, runEnd).strip().length()
                    >= settings.firstMinChars())) {
                return runEnd;
            }
            i = runEnd - 1;
        }
        return UNDECIDED;
    }

    private boolean endsHere(char mark, int start, int at, int runEnd) {
        if (WIDE_ENDS.indexOf(mark) >= 0 || WIDE_PAUSES.indexOf(mark) >= 0) {
            return true;
        }
        int next = pending.codePointAt(runEnd);
        if (!Character.isWhitespace(next) && !isCjk(next)) {
            return false;
        }
        boolean lonePeriod = mark == '.' && pending.charAt(at + 1) != '.';
        return !(lonePeriod && abbreviationBefore(start, at));
    }

    /** A period after {@code Dr}, {@code e.g}, {@code U.S} or a single letter (an initial) ends no sentence. */
    private boolean abbreviationBefore(int start, int period) {
        int from = period;
        while (from > start && !Character.isWhitespace(pending.charAt(from - 1)) && !isCjk(pending.charAt(from - 1))) {
            from--;
        }
        while (from < period && OPENERS.indexOf(pending.charAt(from)) >= 0) {
            from++;
        }
        String word = pending.substring(from, period);
        return word.indexOf('.') >= 0
                || word.length() == 1 && Character.isLetter(word.charAt(0))
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Cuts a run that grew past {@code max-chars}: after its last Chinese comma or at its last space (which keeps an
     * English comma with its words), else at the limit.
     */
    private int forcedCut(int start) {
        int limit = start + settings.maxChars();
        if (pending.length() <= limit) {
            return UNDECIDED;
        }
        for (int i = limit; i > start; i--) {
            char c = pending.charAt(i);
            if (Character.isWhitespace(c)) {
                return i;
            }
            if (i < limit && WIDE_PAUSES.indexOf(c) >= 0) {
                return i + 1;
            }
        }
        return Character.isLowSurrogate(pending.charAt(limit)) ? limit - 1 : limit;
    }

    private Optional<String> emit(String piece) {
        String sentence = piece.strip();
        if (sentence.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.empty();
        }
        first = false;
        return Optional.of(sentence);
    }

    private int runEnd(int from) {
        int i = from;
        while (i < pending.length() && (isEnd(pending.charAt(i)) || CLOSERS.indexOf(pending.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    private int skipWhitespace(int from) {
        int i = from;
        while (i < pending.length() && Character.isWhitespace(pending.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isEnd(char c) {
        return WIDE_ENDS.indexOf(c) >= 0 || NARROW_ENDS.indexOf(c) >= 0;
    }

    private static boolean isPause(char c) {
        return WIDE_PAUSES.indexOf(c) >= 0 || NARROW_PAUSES.indexOf(c) >= 0;
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
