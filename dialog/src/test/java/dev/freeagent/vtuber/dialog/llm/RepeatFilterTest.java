package dev.freeagent.vtuber.dialog.llm;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class RepeatFilterTest {
    @Test
    void passesEverythingWhenNothingWasDelivered() {
        RepeatFilter filter = new RepeatFilter("");
        assertThat(filter.accept("Hello"), is("Hello"));
        assertThat(filter.finish(), is(""));
    }

    @Test
    void dropsAFullRestart() {
        RepeatFilter filter = new RepeatFilter("Hello there");
        String out = filter.accept("Hello") + filter.accept(" there") + filter.accept(", friend") + filter.accept("!")
                + filter.finish();
        assertThat(out, is(", friend!"));
    }

    @Test
    void dropsARepeatedTail() {
        RepeatFilter filter = new RepeatFilter("I like th");
        assertThat(filter.accept("the cats") + filter.finish(), is("e cats"));
    }

    @Test
    void keepsAProperContinuation() {
        RepeatFilter filter = new RepeatFilter("Hello there. Hello");
        assertThat(filter.accept(" there.") + filter.finish(), is(" there."));
    }

    @Test
    void keepsASingleCharacterThatOnlyLooksLikeOverlap() {
        RepeatFilter filter = new RepeatFilter("Is it?");
        assertThat(filter.accept("?") + filter.finish(), is("?"));
    }

    @Test
    void dropsARestartThatEndsTheStream() {
        RepeatFilter filter = new RepeatFilter("你好，朋友");
        assertThat(filter.accept("你好") + filter.accept("，朋友") + filter.finish(), is(""));
    }
}
