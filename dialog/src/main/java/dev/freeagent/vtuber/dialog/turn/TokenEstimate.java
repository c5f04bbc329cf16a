package dev.freeagent.vtuber.dialog.turn;

/**
 * The contract's token estimate (§5.5): per delta, the number of whitespace-separated words of the trimmed delta,
 * at least 1 when it is not blank. Chinese text without spaces counts 1 per delta.
 */
public final class TokenEstimate {
    private TokenEstimate() {
    }

    /**
     * Estimates one delta.
     *
     * @param delta a delta
     * @return its estimated tokens
     */
    public static int of(String delta) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < delta.length(); i++) {
            boolean space = Character.isWhitespace(delta.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
