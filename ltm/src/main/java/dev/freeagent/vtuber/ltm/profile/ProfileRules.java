package dev.freeagent.vtuber.ltm.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a memory says about the user, by plain rules in English and Chinese: the things they like (the object of
 * "I like/love/enjoy …", "my favourite … is …", "我喜欢/爱/热爱…"), personality traits and occupations by keyword
 * (the Chinese tables are the original service's profile builder's). Stateless.
 */
final class ProfileRules {
    private static final int MAX_PREFERENCE_CHARS = 60;
    private static final List<Pattern> PREFERENCES = List.of(
            Pattern.compile("(?i)\\bI(?:'m| am)? (?:really |absolutely |just |also |truly )?(?:like|love|enjoy|adore|prefer"
                    + "|am into|'m into|am a fan of|'m a fan of) ([^.,;!?]+)"),
            Pattern.compile("(?i)\\bmy favou?rite [\\p{L} ]+? (?:is|are) ([^.,;!?]+)"),
            Pattern.compile("我(?:很|非常|最|特别|超|也|真的)?(?:喜欢|爱|热爱|偏好|钟爱|迷恋)([^，。！？,.!?；;]+)"));
    private static final Map<String, Pattern> TRAITS = ordered(
            "内向", "内向|安静|不爱说话|害羞",
            "外向", "外向|开朗|活泼|健谈",
            "好学", "好学|爱学习|求知欲|钻研",
            "细心", "细心|仔细|认真|严谨",
            "乐观", "乐观|积极|正面|开心",
            "introverted", "(?i)\\b(introvert(ed)?|shy|quiet person)\\b",
            "outgoing", "(?i)\\b(outgoing|extrovert(ed)?|talkative|sociable)\\b",
            "curious", "(?i)\\b(curious|love learning|like learning|eager to learn)\\b",
            "careful", "(?i)\\b(careful|meticulous|detail-oriented|thorough)\\b",
            "optimistic", "(?i)\\b(optimistic|positive person|cheerful)\\b");
    private static final Map<String, Pattern> CONTEXT = ordered(
            "软件工程师", "软件工程师|程序员|开发者|工程师",
            "学生", "学生|大学生|研究生|本科生",
            "设计师", "设计师|UI设计|平面设计",
            "教师", "教师|老师|讲师|教授",
            "创业者", "创业|创始人|CEO|老板",
            "software engineer", "(?i)\\b(software engineer|programmer|developer|coder)\\b",
            "student", "(?i)\\b(student|at university|in college|undergrad)\\b",
            "designer", "(?i)\\b(designer)\\b",
            "teacher", "(?i)\\b(teacher|professor|lecturer)\\b",
            "entrepreneur", "(?i)\\b(entrepreneur|founder|run my own (company|business)|startup)\\b");

    private ProfileRules() {
    }

    static void preferences(String memory, Set<String> into) {
        for (Pattern pattern : PREFERENCES) {
            Matcher matcher = pattern.matcher(memory);
            while (matcher.find()) {
                String liked = matcher.group(1).strip();
                if (!liked.isEmpty() && liked.length() <= MAX_PREFERENCE_CHARS) {
                    into.add(liked);
                }
            }
        }
    }

    static void traits(String memory, Set<String> into) {
        matching(TRAITS, memory, into);
    }

    static void context(String memory, Set<String> into) {
        matching(CONTEXT, memory, into);
    }

    private static void matching(Map<String, Pattern> table, String memory, Set<String> into) {
        table.forEach((label, pattern) -> {
            if (pattern.matcher(memory).find()) {
                into.add(label);
            }
        });
    }

    private static Map<String, Pattern> ordered(String... labelsAndPatterns) {
        Map<String, Pattern> table = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndPatterns.length; i += 2) {
            table.put(labelsAndPatterns[i], Pattern.compile(labelsAndPatterns[i + 1]));
        }
        return table;
    }
}
