package dev.freeagent.vtuber.ltm.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape every remembered fact must have, whoever found it.
 *
 * @param minChars {@code ltm.extraction.min-chars}: shorter sentences say too little to be worth keeping
 * @param maxChars {@code ltm.extraction.max-chars}: longer ones are not short facts
 * @param maxFacts {@code ltm.extraction.max-facts}: facts kept from one turn
 */
public record FactLimits(int minChars, int maxChars, int maxFacts) {
    /**
     * Validates; every message names the key.
     */
    public FactLimits {
        if (minChars < 1) {
            throw new IllegalArgumentException("ltm.extraction.min-chars must be at least 1, got " + minChars);
        }
        if (maxChars < minChars) {
            throw new IllegalArgumentException("ltm.extraction.max-chars must be at least min-chars (" + minChars
                    + "), got " + maxChars);
        }
        if (maxFacts < 1 || maxFacts > 100) {
            throw new IllegalArgumentException("ltm.extraction.max-facts must be 1..100, got " + maxFacts);
        }
    }

    /**
     * Trims each candidate and its closing full stop, drops those of the wrong length and exact repeats, and keeps
     * at most {@code maxFacts}.
     *
     * @param candidates sentences
     * @return the facts, in their order
     */
    public List<String> apply(List<String> candidates) {
        Set<String> kept = new LinkedHashSet<>();
        for (String candidate : candidates) {
            String fact = withoutFullStop(candidate.strip());
            int length = fact.codePointCount(0, fact.length());
            if (length >= minChars && length <= maxChars) {
                kept.add(fact);
            }
            if (kept.size() == maxFacts) {
                break;
            }
        }
        return new ArrayList<>(kept);
    }

    private static String withoutFullStop(String sentence) {
        String fact = sentence;
        while (!fact.isEmpty() && ".。!！".indexOf(fact.charAt(fact.length() - 1)) >= 0) {
            fact = fact.substring(0, fact.length() - 1).stripTrailing();
        }
        return fact;
    }
}
