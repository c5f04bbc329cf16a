package dev.freeagent.vtuber.dialog.tts;

import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Writes Chinese text as tone-numbered pinyin ({@code 你好，world} → {@code ni3 hao3, world}) for espeak-ng's
 * {@code cmn-latn-pinyin} voice: Debian's espeak-ng 1.51 reads most hanzi wrongly with its {@code cmn} voice, but
 * reads pinyin right, tone sandhi included. Latin words, digits and other text stay as they are; Chinese
 * punctuation becomes its ASCII twin so the pauses survive. A polyphone takes pinyin4j's first reading, except the
 * few common particles in {@link #READINGS}. Thread-safe.
 */
final class PinyinTranscriber {
    /** Readings that differ from pinyin4j's first one in everyday speech. */
    private static final Map<Character, String> READINGS = Map.of('得', "de5", '呢', "ne5", '长', "chang2");
    private static final Map<Character, String> PUNCTUATION = Map.ofEntries(Map.entry('。', ". "),
            Map.entry('！', "! "), Map.entry('？', "? "), Map.entry('；', "; "), Map.entry('，', ", "),
            Map.entry('、', ", "), Map.entry('：', ": "), Map.entry('…', "... "), Map.entry('（', " ("),
            Map.entry('）', ") "), Map.entry('“', " "), Map.entry('”', " "), Map.entry('「', " "),
            Map.entry('」', " "), Map.entry('『', " "), Map.entry('』', " "), Map.entry('《', " "),
            Map.entry('》', " "));

    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();

    PinyinTranscriber() {
        format.setToneType(HanyuPinyinToneType.WITH_TONE_NUMBER);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    /**
     * Transcribes a text.
     *
     * @param text any text
     * @return the text with every hanzi as a pinyin syllable, separated by single spaces
     */
    String transcribe(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        text.codePoints().forEach(codePoint -> {
            if (Character.isBmpCodePoint(codePoint) && PUNCTUATION.containsKey((char) codePoint)) {
                out.append(PUNCTUATION.get((char) codePoint));
            } else if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                out.append(' ').append(syllable(codePoint)).append(' ');
            } else {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString().replaceAll("\\s+", " ").replaceAll(" ([,.!?;:)])", "$1").strip();
    }

    /** Reads a hanzi; characters pinyin4j does not know (rare ones outside the BMP) are left out. */
    private String syllable(int codePoint) {
        if (!Character.isBmpCodePoint(codePoint)) {
            return "";
        }
        char hanzi = (char) codePoint;
        String reading = READINGS.get(hanzi);
        if (reading != null) {
            return reading;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(hanzi, format);
            return readings == null || readings.length == 0 ? "" : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("tone numbers with lower case and v are a valid pinyin4j format", e);
        }
    }
}
