package dev.freeagent.vtuber.ltm.extraction;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

class FirstPersonRuleTest {
    private final FirstPersonRule rule = new FirstPersonRule(new FactLimits(10, 80, 3));

    private java.util.List<String> facts(String userText) {
        return rule.facts(new TurnText(userText, "I am the character and I like tea.", ""));
    }

    @Test
    void firstPersonStatementsAreKeptWithoutTheirFullStop() {
        assertThat(facts("Hi there! I love chocolate cake. My sister lives in Rome."),
                contains("I love chocolate cake", "My sister lives in Rome"));
    }

    @Test
    void questionsAndRequestsAreNotFacts() {
        assertThat(facts("What do I like? Do I have a cat. Tell me a joke about my job. Can you help me"), is(empty()));
    }

    @Test
    void sentencesAboutOthersOrTooShortAreNotFacts() {
        assertThat(facts("The weather is nice today. I'm ok. You are funny."), is(empty()));
    }

    @Test
    void chineseStatementsCountButRequestsAndQuestionsDoNot() {
        assertThat(facts("我喜欢吃巧克力蛋糕和冰淇淋。给我讲个笑话吧。我喜欢什么呢？今天天气很好。"),
                contains("我喜欢吃巧克力蛋糕和冰淇淋"));
        assertThat(facts("其实我在上海做软件工程师"), contains("其实我在上海做软件工程师"));
    }

    @Test
    void theReplyIsNeverASource() {
        assertThat(rule.facts(new TurnText("", "I love chocolate cake.", "")), is(empty()));
    }

    @Test
    void atMostMaxFactsAreKeptAndRepeatsOnce() {
        assertThat(facts("I live in Oslo. I live in Oslo. I have two cats. I play the cello. I speak Norwegian."),
                contains("I live in Oslo", "I have two cats", "I play the cello"));
    }
}
