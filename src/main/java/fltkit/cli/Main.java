package fltkit.cli;

import fltkit.rules.RuleCatalog;
import fltkit.runner.ConformanceRun;
import fltkit.settings.Implementations;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.runner.ProfileResult;
import fltkit.spi.WindowsVersion;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kit's command line ({@code java -jar fltmgr-context-kit-<version>-cli.jar --help}). Exit 0 only when
 * every applicable scenario passed in every profile run; 1 when one failed or broke; 2 when the command
 * line or the adapter is wrong; 3 when the kit's own feature files break its conventions.
 */
public final class Main {
    public static final int CONFORMANT = 0;
    public static final int NOT_CONFORMANT = 1;
    public static final int USAGE = 2;
    public static final int MALFORMED_FEATURES = 3;

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
            ConformanceRun.Options run = new ConformanceRun.Options(implementation, profiles, options.reports(), options.tags());
            AtomicReference<List<ProfileResult>> results = new AtomicReference<>();
            Map<String, String> settings = options.processCommand().isEmpty() ? Map.of()
                    : Map.of(Implementations.PROCESS_COMMAND, options.processCommandJson());
            KitSettings.with(settings, () -> results.set(ConformanceRun.execute(run)));
            for (ProfileResult result : results.get()) {
                if (result.total() == 0) {
                    err.println("fltkit: no scenario ran in the " + result.profile().profile() + " profile; "
                            + (options.partial() ? "--tags '" + options.tags() + "' matches no scenario (see --list-rules)"
                            : "the features were not found on the class path, so the kit's jar is damaged"));
                    return options.partial() ? USAGE : MALFORMED_FEATURES;
                }
            }
            String mark = options.partial() ? " [PARTIAL: --tags " + options.tags() + "]" : "";
            results.get().forEach(r -> out.println(r.line() + mark));
            out.println("reports: " + options.reports().toAbsolutePath().normalize());
            return results.get().stream().allMatch(ProfileResult::conformant) ? CONFORMANT : NOT_CONFORMANT;
        } catch (KitConfigurationException e) {
            err.println("fltkit: " + e.getMessage());
            return USAGE;
        } finally {
            thread.setContextClassLoader(previous);
        }
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
