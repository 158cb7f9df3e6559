package fltkit.runner;

import fltkit.report.RunRecorder;
import fltkit.report.ScenarioRun;
import fltkit.rules.Outcome;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Passes the Cucumber engine's events on, and prints one line per feature as it finishes: the profile, the
 * feature, and how its scenarios ended so far. Quiet enough for a CI log, enough to see a run is moving.
 */
final class Progress implements EngineExecutionListener {
    private static final Pattern FILE = Pattern.compile("([^/\\\\'\\[\\]=]+\\.feature)");
    private final EngineExecutionListener next;
    private final ProfileDescriptor profile;
    private final String recorderKey;
    private final PrintStream out;
    private final boolean enabled;

    Progress(EngineExecutionListener next, ProfileDescriptor profile, String recorderKey, PrintStream out, boolean enabled) {
        this.next = next;
        this.profile = profile;
        this.recorderKey = recorderKey;
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public void dynamicTestRegistered(TestDescriptor descriptor) {
        next.dynamicTestRegistered(descriptor);
    }

    @Override
    public void executionSkipped(TestDescriptor descriptor, String reason) {
        next.executionSkipped(descriptor, reason);
    }

    @Override
    public void executionStarted(TestDescriptor descriptor) {
        next.executionStarted(descriptor);
    }

    @Override
    public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
        next.executionFinished(descriptor, result);
        if (enabled && descriptor.getParent().filter(parent -> parent == profile.features()).isPresent()) {
            String feature = descriptor.getDisplayName();
            String file = fileOf(descriptor);
            List<ScenarioRun> scenarios = RunRecorder.peek(recorderKey).stream().filter(s -> s.feature().equals(file))
                    .collect(Collectors.toList());
            if (scenarios.isEmpty()) {
                return;
            }
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            scenarios.forEach(s -> counts.merge(s.outcome(), 1L, Long::sum));
            out.println("fltkit: " + profile.profile().profile() + " · " + feature + ": " + scenarios.size() + " scenarios ("
                    + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "))
                    + ")");
        }
    }

    /** The feature file's name, as the recorder names it: the last part of the descriptor's source. */
    private static String fileOf(TestDescriptor feature) {
        String source = feature.getSource().map(Object::toString).orElse("");
        Matcher name = FILE.matcher(source);
        String found = null;
        while (name.find()) {
            found = name.group(1);
        }
        return found == null ? feature.getDisplayName() : found;
    }

    @Override
    public void reportingEntryPublished(TestDescriptor descriptor, ReportEntry entry) {
        next.reportingEntryPublished(descriptor, entry);
    }

    @Override
    public void fileEntryPublished(TestDescriptor descriptor, FileEntry file) {
        next.fileEntryPublished(descriptor, file);
    }
}
