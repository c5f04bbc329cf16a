package dev.freeagent.vtuber.dialog.tts;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class PinyinTranscriberTest {
    private final PinyinTranscriber pinyin = new PinyinTranscriber();

    @Test
    void writesHanziAsToneNumberedPinyin() {
        assertThat(pinyin.transcribe("你好世界"), is("ni3 hao3 shi4 jie4"));
        assertThat(pinyin.transcribe("绿色的女孩"), is("lv4 se4 de5 nv3 hai2"));
    }

    @Test
    void keepsLatinWordsAndDigitsAndMapsPunctuation() {
        assertThat(pinyin.transcribe("我喜欢Java，你呢？3个！"), is("wo3 xi3 huan1 Java, ni3 ne5? 3 ge4!"));
        assertThat(pinyin.transcribe("Hello world."), is("Hello world."));
    }

    @Test
    void usesTheEverydayReadingOfCommonPolyphones() {
        assertThat(pinyin.transcribe("跑得很长"), is("pao3 de5 hen3 chang2"));
    }
}
