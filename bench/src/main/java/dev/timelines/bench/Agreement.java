package dev.timelines.bench;

import dev.timelines.bench.measure.Timed;
import dev.timelines.bench.questions.Answer;
import dev.timelines.bench.questions.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether every engine that answered a question gave the same canonical answer. A disagreement names the engines
 * on each side and the first line where their answers differ.
 */
record Agreement(List<String> disagreements) {

    static Agreement of(Map<Question, Map<String, Timed>> results) {
        List<String> disagreements = new ArrayList<>();
        results.forEach((question, byEngine) -> {
            Map<String, List<String>> engines = new LinkedHashMap<>();
            Map<String, Answer> answers = new LinkedHashMap<>();
            byEngine.forEach((engine, timed) -> {
                if (timed.answer().unavailable().isEmpty()) {
                    engines.computeIfAbsent(timed.answer().checksum(), checksum -> new ArrayList<>()).add(engine);
                    answers.putIfAbsent(timed.answer().checksum(), timed.answer());
                }
            });
            if (answers.size() > 1) {
                disagreements.add(describe(question, engines, new ArrayList<>(answers.values())));
            }
        });
        return new Agreement(disagreements);
    }

    boolean holds() {
        return disagreements.isEmpty();
    }

    private static String describe(Question question, Map<String, List<String>> engines, List<Answer> answers) {
        StringBuilder text = new StringBuilder(question.name() + " (" + question.title() + "):");
        for (Answer answer : answers) {
            text.append("\n  ").append(answer.checksum()).append(" (").append(answer.lines().size())
                    .append(" rows) from ").append(String.join(", ", engines.get(answer.checksum())));
        }
        Answer first = answers.get(0);
        for (Answer other : answers.subList(1, answers.size())) {
            text.append("\n  ").append(firstDifference(first, other));
        }
        return text.toString();
    }

    private static String firstDifference(Answer a, Answer b) {
        int line = 0;
        while (line < a.lines().size() && line < b.lines().size() && a.lines().get(line).equals(b.lines().get(line))) {
            line++;
        }
        return "first difference at row " + (line + 1) + ": " + a.checksum() + " has '" + row(a, line) + "', "
                + b.checksum() + " has '" + row(b, line) + "'";
    }

    private static String row(Answer answer, int line) {
        return line < answer.lines().size() ? answer.lines().get(line) : "(no more rows)";
    }
}
