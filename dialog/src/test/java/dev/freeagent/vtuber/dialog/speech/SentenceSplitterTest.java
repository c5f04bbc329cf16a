package dev.freeagent.vtuber.dialog.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter(SplitterSettings.DEFAULTS);

    /** Feeds the deltas, then flushes: every sentence in order. */
    private static List<String> split(SplitterSettings settings, String... deltas) {
        SentenceSplitter splitter = new SentenceSplitter(settings);
        List<String> sentences = new ArrayList<>();
        for (String delta : deltas) {
            sentences.addAll(splitter.feed(delta));
        }
        splitter.flush().ifPresent(sentences::add);
        return sentences;
    }

    private static List<String> split(String... deltas) {
        return split(SplitterSettings.DEFAULTS, deltas);
    }

    private static String[] characters(String text) {
        return text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    @Test
    void cutsChineseAtItsEndMarks() {
        assertThat(split("你好。今天天气很好！你呢？我们去公园吧；好不好…走吧"),
                contains("你好。", "今天天气很好！", "你呢？", "我们去公园吧；", "好不好…", "走吧"));
    }

    @Test
    void keepsRunsOfEndMarksAndClosingQuotesWithTheirSentence() {
        assertThat(splitter.feed("他问：「真的吗？"), is(empty()));
        assertThat(splitter.feed("！」"), is(empty()));
        assertThat(splitter.feed("我说是的……"), contains("他问：「真的吗？！」"));
        assertThat(splitter.flush(), is(Optional.of("我说是的……")));
    }

    @Test
    void cutsEnglishOnlyBeforeWhitespace() {
        assertThat(split("Hello world. How are you? I am fine! Really; yes.No cut here"),
                contains("Hello world.", "How are you?", "I am fine!", "Really;", "yes.No cut here"));
    }

    @Test
    void waitsForTheNextDeltaBeforeCuttingAtAPeriod() {
        assertThat(splitter.feed("Hello there."), is(empty()));
        assertThat(splitter.feed(" General"), contains("Hello there."));
        assertThat(splitter.flush(), is(Optional.of("General")));
    }

    @Test
    void keepsDecimalsWholeAcrossDeltas() {
        assertThat(splitter.feed("Pi is about 3."), is(empty()));
        assertThat(splitter.feed("14 and e is 2."), is(empty()));
        assertThat(splitter.feed("72 or so. Next"), contains("Pi is about 3.14 and e is 2.72 or so."));
    }

    @Test
    void keepsAbbreviationsAndInitialsWhole() {
        assertThat(splitter.feed("Bring fruit e."), is(empty()));
        assertThat(splitter.feed("g."), is(empty()));
        assertThat(splitter.feed(" apples and pears. Then ask Dr. Smith and J. K. Rowling. Done"),
                contains("Bring fruit e.g. apples and pears.", "Then ask Dr. Smith and J. K. Rowling."));
        assertThat(splitter.flush(), is(Optional.of("Done")));
    }

    @Test
    void cutsAtNewlines() {
        assertThat(split("Line one\nLine two\r\n\n- item three\n"), contains("Line one", "Line two", "- item three"));
    }

    @Test
    void cutsMixedChineseAndEnglish() {
        assertThat(split("我喜欢Java。It is fast. 真的!好的，OK? 没问题"),
                contains("我喜欢Java。", "It is fast.", "真的!", "好的，OK?", "没问题"));
    }

    @Test
    void endsTheFirstSentenceAtACommaOnceItIsLongEnough() {
        assertThat(split("Well, I think that is a fine idea, and more, much more. Second part, still one."),
                contains("Well, I think that is a fine idea,", "and more, much more.", "Second part, still one."));
        assertThat(split("好的，我们明天一起去公园散步，然后吃饭，再回家。"),
                contains("好的，我们明天一起去公园散步，", "然后吃饭，再回家。"));
        assertThat(split("Note: this is long enough: yes"), contains("Note: this is long enough:", "yes"));
    }

    @Test
    void keepsNumbersWithCommasWhole() {
        assertThat(split("It costs 1,000,000 dollars, more or less."), contains("It costs 1,000,000 dollars,",
                "more or less."));
    }

    @Test
    void neverExceedsMaxCharsCuttingAtTheLastSpaceOrComma() {
        SplitterSettings settings = new SplitterSettings(10, 30);
        String words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho";
        List<String> sentences = split(settings, characters(words));
        assertThat(sentences.stream().map(String::length).toList(), everyItem(lessThanOrEqualTo(30)));
        assertThat(String.join(" ", sentences), is(words));
        assertThat(sentences.getFirst(), is("alpha beta gamma delta epsilon"));

        List<String> chinese = split(settings, "第一句。" + "一二三四五六七八九十".repeat(2) + "，" + "甲乙丙丁".repeat(5));
        assertThat(chinese, contains("第一句。", "一二三四五六七八九十一二三四五六七八九十，", "甲乙丙丁甲乙丙丁甲乙丙丁甲乙丙丁甲乙丙丁"));
    }

    @Test
    void hardCutsARunWithNoPlaceToCut() {
        SplitterSettings settings = new SplitterSettings(10, 30);
        String run = "字".repeat(70);
        assertThat(split(settings, run), contains("字".repeat(30), "字".repeat(30), "字".repeat(10)));
    }

    @Test
    void givesTheSameSentencesWhateverTheDeltas() {
        String reply = "你好！I'm Aria, your host. 今天是2024年3.5号，天气不错。Mr. Lee said: \"fine.\" Ok?\n"
                + "Numbers like 3.14 stay whole… 好吗？！";
        assertThat(split(characters(reply)), is(split(reply)));
        assertThat(split(reply), contains("你好！", "I'm Aria, your host.", "今天是2024年3.5号，天气不错。",
                "Mr. Lee said: \"fine.\"", "Ok?", "Numbers like 3.14 stay whole…", "好吗？！"));
    }

    @Test
    void neverEmitsBlankOrPunctuationOnlySentences() {
        assertThat(split("  \n\n", "……", "。\n", "   "), is(empty()));
        assertThat(split("……你好。"), contains("你好。"));
    }

    @Test
    void flushGivesTheRestOnceAndTrims() {
        assertThat(splitter.feed("  Hello"), is(empty()));
        assertThat(splitter.feed(" world  "), is(empty()));
        assertThat(splitter.flush(), is(Optional.of("Hello world")));
        assertThat(splitter.flush(), is(Optional.empty()));
    }

    @Test
    void rejectsSettingsOutOfRange() {
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> new SplitterSettings(10, 5));
        assertThat(tooShort.getMessage(), is("dialog.tts.splitter.max-chars must be 10..10000, got 5"));
    }
}
