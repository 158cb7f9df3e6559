package fltkit.cli;

import fltkit.report.RunInfo;
import fltkit.rules.RuleCatalog;
import fltkit.runner.ConformanceRun;
import fltkit.settings.Implementations;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.runner.RunOutcome;
import fltkit.spi.WindowsVersion;

import java.io.PrintStream;
import java.util.List;

/**
 * The kit's command line ({@code java -jar fltmgr-context-kit-<version>-cli.jar --help}). Exit codes are
 * {@link RunOutcome}'s: 0 only for a complete run in which nothing failed; 1 something failed, broke or was
 * breached; 2 the command line, the adapter or the reports folder is wrong; 3 the kit's own features are
 * wrong; 4 no verdict; 5 the JVM was made to exit during the run.
 */
public final class Main {
    public static final int CONFORMANT = RunOutcome.CONFORMANT;
    public static final int NOT_CONFORMANT = RunOutcome.NOT_CONFORMANT;
    public static final int USAGE = RunOutcome.USAGE;
    public static final int MALFORMED_FEATURES = RunOutcome.KIT_ERROR;
    /** Nothing failed, but there is no verdict (a profile where no MUST rule could run, or a PARTIAL run). */
    public static final int NO_VERDICT = RunOutcome.NO_VERDICT;
    /** The JVM was made to exit before the run finished (see {@link fltkit.runner.ExitGuard}). */
    public static final int CUT_SHORT = RunOutcome.CUT_SHORT;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the JVM's standard streams; returns the exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("merge")) {
            return fltkit.report.MatrixMain.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("explore")) {
            return ExploreCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            CliOptions options = CliOptions.parse(args);
            if (options.help()) {
                out.println(CliOptions.USAGE);
                return CONFORMANT;
            }
            if (options.version()) {
                out.println(version());
                return CONFORMANT;
            }
            ClassLoader loader = AdapterClassPath.loader(options.classPath(), previous);
            thread.setContextClassLoader(loader);
            RuleCatalog catalog = RuleCatalog.load();
            if (!catalog.problems().isEmpty()) {
                err.println("fltkit: the kit's feature files break its conventions, so no run can be trusted:");
                catalog.problems().forEach(p -> err.println("  " + p));
                err.println("fltkit: fix the feature files (see the README, 'Writing rules') and rebuild the kit");
                return MALFORMED_FEATURES;
            }
            if (options.listRules()) {
                out.println(catalog.listing());
                return CONFORMANT;
            }
            List<WindowsVersion> profiles = options.profiles();
            String implementation = implementation(options, loader);
            if (options.partial()) {
                err.println("fltkit: *** PARTIAL RUN *** --tags '" + options.tags() + "' runs fewer than the canonical "
                        + "scenarios; this run establishes no conformance (drop --tags for a real run)");
            }
            RunOutcome outcome = ConformanceRun.execute(new ConformanceRun.Options(implementation, profiles, options.reports(),
                    options.tags(), options.settings()), out);
            if (outcome.error() != null) {
                err.println("fltkit: " + outcome.error());
                return USAGE;
            }
            if (outcome.summary().headline().values().stream().allMatch(h -> h.totalScenarios() == 0)) {
                err.println("fltkit: no scenario ran; " + (options.partial() ? "--tags '" + options.tags()
                        + "' matches no scenario (see --list-rules)" : "the features were not found on the class path, so the "
                        + "kit's jar is damaged"));
                return options.partial() ? USAGE : MALFORMED_FEATURES;
            }
            outcome.refusals().values().forEach(refusal -> err.println("fltkit: " + refusal.replaceAll("\\p{Cntrl}", "?")));
            return outcome.exitCode();
        } catch (KitConfigurationException e) {
            err.println("fltkit: " + e.getMessage());
            return USAGE;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** What --version prints: the kit's version and the commit it was built from, both recorded in the jar at build time. */
    static String version() {
        return "fltkit " + RunInfo.readKitVersion() + " (commit " + RunInfo.readKitCommit() + "), Java "
                + System.getProperty("java.runtime.version", System.getProperty("java.version"));
    }

    /** The provider class name to run, or a message saying which option names it. */
    private static String implementation(CliOptions options, ClassLoader loader) {
        String name;
        if (!options.processCommand().isEmpty()) {
            try {
                Class.forName(Implementations.PROCESS_CLASS, false, loader);
            } catch (ClassNotFoundException e) {
                throw new KitConfigurationException("this build of the kit has no process adapter ("
                        + Implementations.PROCESS_CLASS + "); run a Java adapter with --implementation or --class-path instead");
            }
            name = Implementations.PROCESS_ALIAS;
        } else if (options.implementation() != null) {
            name = options.implementation();
        } else if (!options.classPath().isEmpty()) {
            name = AdapterClassPath.registeredProvider(loader, options.classPath());
        } else {
            throw new UsageException("no implementation to test: name it with --implementation <provider class> "
                    + "(or 'reference'), with --class-path <your-adapter.jar>, or start a process with -- <command>");
        }
        // ConformanceRun loads it before any scenario runs, so a wrong adapter is a usage error with the loader's message.
        return name;
    }
}
