package fltkit.explore;

import fltkit.spi.Capability;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints a shrunk sequence as a Gherkin scenario in the kit's own step vocabulary, ready to paste under the
 * rule it breaks: the actions up to the divergence, then the failing Then-step. Contexts are renamed A, B,
 * C ... in the order the scenario first uses them.
 */
final class ScenarioPrinter {
    private static final Pattern QUOTED_NAME = Pattern.compile("\"([A-Z]{1,3})\"");
    static final String NOTE = "the kit notes the pool's outstanding blocks";

    /** The scenario's text, how many steps it has, and the divergence's message with the printed names. */
    record Printed(String text, int steps, String message) {
    }

    private ScenarioPrinter() {
    }

    static Printed print(List<Action> actions, Runner.Outcome outcome, List<String> header) {
        Map<String, String> rename = new LinkedHashMap<>();
        int last = outcome.kind() == Runner.Kind.LEAK ? actions.size() - 1 : outcome.index();
        for (int i = 0; i <= last; i++) {
            for (String name : actions.get(i).names()) {
                rename.computeIfAbsent(name, n -> Generator.nameOf(rename.size()));
            }
        }
        boolean poolCheck = outcome.check() != null && outcome.check().step().equals(Check.poolBack("").step());
        List<Action.Line> lines = new ArrayList<>();
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        for (int i = 0; i <= last; i++) {
            Action action = actions.get(i);
            List<Action.Line> all = action.lines();
            boolean stopsHere = i == last && outcome.kind() != Runner.Kind.LEAK;
            lines.addAll(stopsHere ? all.subList(0, action.checkPoint()) : all);
            needs.addAll(action.needs());
            if (i == 0 && poolCheck) {
                lines.add(Action.Line.given(NOTE));
                needs.add(Capability.POOL_ACCOUNTING);
            }
        }
        if (outcome.check() != null) {
            needs.addAll(outcome.check().needs());
        }

        StringBuilder text = new StringBuilder();
        header.forEach(h -> text.append("# ").append(h).append('\n'));
        if (!needs.isEmpty()) {
            text.append(needs.stream().map(c -> "@needs:" + c.tag()).collect(Collectors.joining(" "))).append('\n');
        }
        text.append("Scenario: ").append(outcome.ruleId()).append(" found by exploration\n");
        String previous = null;
        int steps = 0;
        for (Action.Line line : lines) {
            String keyword = line.keyword() == Action.Keyword.GIVEN ? "Given" : "When";
            text.append("  ").append(keyword.equals(previous) ? "And" : keyword).append(' ').append(renamed(line.text(), rename)).append('\n');
            table(text, line.table());
            previous = keyword;
            steps++;
        }
        if (outcome.kind() == Runner.Kind.CHECK) {
            text.append("  Then ").append(renamed(outcome.check().step(), rename)).append('\n');
            steps++;
        } else if (outcome.kind() == Runner.Kind.LEAK) {
            text.append("  # ").append(outcome.ruleId()).append(": the kit's leak check after the scenario finds what is left\n");
        }
        return new Printed(text.toString(), steps, renamed(outcome.message(), rename));
    }

    private static void table(StringBuilder text, List<List<String>> table) {
        if (table.isEmpty()) {
            return;
        }
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : table) {
            text.append("    |");
            for (int c = 0; c < row.size(); c++) {
                text.append(' ').append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length())).append(" |");
            }
            text.append('\n');
        }
    }

    /** Replaces the quoted context names of a step or message with their printed names. */
    static String renamed(String text, Map<String, String> rename) {
        Matcher matcher = QUOTED_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String to = rename.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(to == null ? matcher.group() : "\"" + to + "\""));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
