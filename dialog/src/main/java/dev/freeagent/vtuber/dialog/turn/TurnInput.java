package dev.freeagent.vtuber.dialog.turn;

import java.util.Objects;

/**
 * How the user's message reached the dialog: typed, spoken (a recording recognised into text) or shown (an image).
 * It decides what the prompt's last message holds, which scripted reply answers, and which outbox events the turn
 * causes.
 */
public sealed interface TurnInput {
    /** A typed message. */
    TurnInput TYPED = new Typed();

    /**
     * A typed message.
     */
    record Typed() implements TurnInput {
    }

    /**
     * A recording whose transcript is the turn's text.
     *
     * @param recognition how the recognition went
     */
    record Spoken(RecognitionStats recognition) implements TurnInput {
        /**
         * Checks the field.
         */
        public Spoken {
            Objects.requireNonNull(recognition, "recognition");
        }
    }

    /**
     * An image; the turn's text is {@link Picture#userTurn()}.
     *
     * @param picture the image and its prompt
     */
    record Shown(Picture picture) implements TurnInput {
        /**
         * Checks the field.
         */
        public Shown {
            Objects.requireNonNull(picture, "picture");
        }
    }
}
