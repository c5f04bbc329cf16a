package dev.freeagent.vtuber.dialog.asr;

import java.util.Locale;

/**
 * A requested language reduced to its primary subtag, the ISO 639-1 code recognisers take ({@code zh-CN} → zh).
 *
 * @param code lower-case primary subtag; empty when none was requested
 */
record SpokenLanguage(String code) {
    /**
     * Parses a language tag.
     *
     * @param tag e.g. {@code "en"}, {@code "zh-CN"}, {@code "en_US"}; null or blank means none
     * @return the language
     */
    static SpokenLanguage of(String tag) {
        String trimmed = tag == null ? "" : tag.strip();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return new SpokenLanguage(trimmed.substring(0, end).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a language was requested.
     *
     * @return true when none was
     */
    boolean isEmpty() {
        return code.isEmpty();
    }
}
