package dev.freeagent.vtuber.output.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The {@code stream} query parameter: only clear yeses stream; everything else gets the original's file form.
 */
class AudioFormTest {
    @Test
    void streamsForOneTrueOrYes() {
        for (String yes : List.of("1", "true", "TRUE", "yes", " Yes ")) {
            assertThat(yes, AudioForm.ofStreamParameter(yes), is(AudioForm.STREAM));
        }
    }

    @Test
    void anythingElseIsTheFileForm() {
        for (String other : List.of("", "0", "false", "no", "on", "2")) {
            assertThat(other, AudioForm.ofStreamParameter(other), is(AudioForm.FILE));
        }
    }
}
