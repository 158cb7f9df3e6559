package fltkit.selftest;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mutation audit's verdict, after PIT has written {@code mutations.xml}: the score with the equivalent
 * survivors set aside ({@link #EQUIVALENT}), and every survivor nobody has explained.
 *
 * <p>A justification (one line of {@code src/test/pit/justified-survivors.tsv}) names a mutant by its class,
 * method, PIT's description of the change and the text of the source line it changes, so it follows the line
 * when code above it moves and stops matching when the line itself changes, which is when it must be read
 * again. Its reason starts with one of {@link #CATEGORIES}. The audit fails (exit 1) when the score is below
 * the goal, or when a justification matches no surviving mutant of a class this run mutated (stale: the mutant
 * is killed now, or the line is gone), so the list never explains more than is left.
 *
 * <p>Arguments: the PIT report directory, the justification file, the source root, the goal in percent.
 */
public final class MutationAudit {
    /** How a surviving mutant is justified. */
    static final Set<String> CATEGORIES = Set.of("EQUIVALENT", "IMPLEMENTATION-DEFINED", "CALLER-CONTRACT", "KIT-MISUSE",
            "DIAGNOSTIC");
    /**
     * The categories no run of the kit can tell from the reference, so they leave the score: the mutant behaves the
     * same through the SPI, differs only for calls the kit never makes, or only in a message. IMPLEMENTATION-DEFINED
     * and CALLER-CONTRACT survivors are explained but stay in the score: they are behaviours the kit deliberately
     * leaves open, which a stricter reading could still pin down.
     */
    static final List<String> EQUIVALENT = List.of("EQUIVALENT", "KIT-MISUSE", "DIAGNOSTIC");

    record Mutation(String className, String method, int line, String mutator, String description, String status,
                    boolean detected, String sourceLine) {
        String where() {
            return String.format("%s.%s:%d", className.substring(className.lastIndexOf('.') + 1), method, line);
        }
    }

    record Justification(int fileLine, String className, String method, String description, String sourceLine,
                         String reason) {
        boolean matches(Mutation m) {
            return m.className().equals(className) && m.method().equals(method) && m.description().equals(description)
                    && m.sourceLine().equals(sourceLine);
        }

        String category() {
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }
    }

    private MutationAudit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: MutationAudit <pit report dir> <justified-survivors.tsv> <source root> <goal percent>");
            System.exit(2);
        }
        Path reports = Path.of(args[0]);
        Path xml = reports.resolve("mutations.xml");
        if (!Files.isRegularFile(xml)) {
            System.err.println("mutation audit: " + xml + " does not exist; run PIT first (mvn -Pmutation verify)");
            System.exit(2);
        }
        Path justified = Path.of(args[1]);
        if (!Files.isRegularFile(justified)) {
            System.err.println("mutation audit: the justification file " + justified + " does not exist; it lists the surviving "
                    + "mutants no scenario can kill, one per line (see its header in the repository)");
            System.exit(2);
        }
        List<Mutation> mutations = read(xml, Path.of(args[2]));
        List<Justification> justifications = justifications(justified);
        Verdict verdict = audit(mutations, justifications, Double.parseDouble(args[3]));
        Files.writeString(reports.resolve("audit.txt"), verdict.report(), StandardCharsets.UTF_8);
        System.out.print(verdict.report());
        System.exit(verdict.met() ? 0 : 1);
    }

    /** The report, and whether the goal is met with no stale justification. */
    record Verdict(String report, boolean met) {
    }

    static Verdict audit(List<Mutation> mutations, List<Justification> justifications, double goalPercent) {
        // One entry per surviving mutant (two mutants may look alike: the same change made twice on one line).
        List<Justification> justified = new ArrayList<>();
        List<Mutation> unexplained = new ArrayList<>();
        Map<Justification, Integer> uses = new HashMap<>();
        for (Mutation m : mutations) {
            if (m.detected()) {
                continue;
            }
            Justification j = justifications.stream().filter(candidate -> candidate.matches(m)).findFirst().orElse(null);
            if (j == null) {
                unexplained.add(m);
            } else {
                justified.add(j);
                uses.merge(j, 1, Integer::sum);
            }
        }
        Set<String> mutatedClasses = mutations.stream().map(Mutation::className).collect(Collectors.toSet());
        List<Justification> stale = justifications.stream()
                .filter(j -> mutatedClasses.contains(j.className()) && !uses.containsKey(j)).toList();

        long killed = mutations.stream().filter(Mutation::detected).count();
        long survived = mutations.stream().filter(m -> m.status().equals("SURVIVED")).count();
        long noCoverage = mutations.stream().filter(m -> m.status().equals("NO_COVERAGE")).count();
        long equivalent = justified.stream().filter(j -> EQUIVALENT.contains(j.category())).count();
        long counted = mutations.size() - equivalent;
        double score = percent(killed, counted);
        long allowed = justified.size() - equivalent;

        StringBuilder out = new StringBuilder();
        out.append(String.format("Mutation audit of %d class(es): %d mutants, %d killed, %d survived, %d without coverage%n",
                mutatedClasses.size(), mutations.size(), killed, survived, noCoverage));
        out.append(String.format("Raw score: %.1f%% (%d of %d)%n", percent(killed, mutations.size()), killed, mutations.size()));
        Map<String, Long> byCategory = justified.stream()
                .collect(Collectors.groupingBy(Justification::category, TreeMap::new, Collectors.counting()));
        out.append(String.format("Justified survivors: %d (%s)%n", justified.size(), byCategory.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))));
        out.append(String.format("Score without the %d equivalent mutants (%s): %.1f%% (%d of %d); goal %.0f%%%n", equivalent,
                String.join(", ", EQUIVALENT), score, killed, counted, goalPercent));
        out.append(String.format("The %d justified as answers the documents allow (%s) count against the score; without "
                + "them too: %.1f%% (%d of %d)%n", allowed, "IMPLEMENTATION-DEFINED, CALLER-CONTRACT", percent(killed, counted - allowed),
                killed, counted - allowed));
        Map<String, Long> leftByClass = new TreeMap<>();
        for (Mutation m : mutations) {
            if (!m.detected()) {
                leftByClass.merge(m.className().substring(m.className().lastIndexOf('.') + 1), 1L, Long::sum);
            }
        }
        out.append("Survivors and mutants without coverage by class: ").append(leftByClass.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        if (!unexplained.isEmpty()) {
            out.append(String.format("%nNo scenario kills these %d and no justification explains them:%n", unexplained.size()));
            for (Mutation m : unexplained) {
                out.append(String.format("  %s %s [%s]: %s%n", m.where(), m.status(), m.description(), m.sourceLine()));
            }
        }
        if (!stale.isEmpty()) {
            out.append(String.format("%nThese %d justification(s) match no surviving mutant any more (killed now, or the line "
                    + "changed): delete or rewrite them:%n", stale.size()));
            for (Justification j : stale) {
                out.append(String.format("  line %d: %s.%s [%s]: %s%n", j.fileLine(), j.className(), j.method(),
                        j.description(), j.sourceLine()));
            }
        }
        out.append('\n');
        if (score < goalPercent) {
            out.append(String.format("VERDICT: below the goal: %.1f%% < %.0f%%%n", score, goalPercent));
        } else if (!stale.isEmpty()) {
            out.append("VERDICT: stale justifications (the goal is met otherwise)\n");
        } else {
            out.append(String.format("VERDICT: goal met: %.1f%% >= %.0f%%%n", score, goalPercent));
        }
        return new Verdict(out.toString(), score >= goalPercent && stale.isEmpty());
    }

    static List<Mutation> read(Path xml, Path sourceRoot) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(xml.toFile());
        NodeList nodes = document.getElementsByTagName("mutation");
        Map<Path, List<String>> sources = new HashMap<>();
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String className = text(e, "mutatedClass");
            String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
            Path source = sourceRoot.resolve(outer.replace('.', '/') + ".java");
            List<String> lines = sources.computeIfAbsent(source, MutationAudit::lines);
            int line = Integer.parseInt(text(e, "lineNumber"));
            String sourceLine = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
            String mutator = text(e, "mutator");
            mutations.add(new Mutation(className, text(e, "mutatedMethod"), line, mutator.substring(mutator.lastIndexOf('.') + 1),
                    text(e, "description"), e.getAttribute("status"), Boolean.parseBoolean(e.getAttribute("detected")),
                    sourceLine));
        }
        return mutations;
    }

    static List<Justification> justifications(Path file) throws IOException {
        List<Justification> all = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException(String.format("%s line %d: expected 5 tab-separated cells (class, method, "
                        + "mutation, source line, reason), found %d", file, n + 1, cells.length));
            }
            Justification j = new Justification(n + 1, "fltkit.reference." + cells[0].strip(), cells[1].strip(), cells[2].strip(),
                    cells[3].strip(), cells[4].strip());
            if (!CATEGORIES.contains(j.category())) {
                throw new IllegalArgumentException(String.format("%s line %d: a reason starts with one of %s and a colon, not "
                        + "\"%s\"", file, n + 1, CATEGORIES, j.reason()));
            }
            all.add(j);
        }
        return all;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 100 : 100.0 * part / whole;
    }

    private static List<String> lines(Path source) {
        try {
            return Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source + ", the source of a mutated class", e);
        }
    }

    private static String text(Element e, String tag) {
        NodeList found = e.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent();
    }
}
