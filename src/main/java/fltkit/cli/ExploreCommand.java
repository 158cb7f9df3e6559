package fltkit.cli;

import fltkit.explore.Divergence;
import fltkit.explore.Exploration;
import fltkit.explore.ExplorationOptions;
import fltkit.explore.ExplorationResult;
import fltkit.settings.Implementations;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code explore}: random call sequences against one implementation, judged by the documented rules, each
 * divergence shrunk to a scenario. Exit 0 without divergence, 1 with, 2 for a wrong command line or adapter.
 */
final class ExploreCommand {
    static final String USAGE = String.join("\n",
            "usage: java -jar fltmgr-context-kit-cli.jar explore [options] (--implementation <class> | --class-path <jar> | -- <command>...)",
            "",
            "Runs random sequences of the calls a well-behaved minifilter makes against the implementation and the",
            "reference side by side, judges them by the documented rules, and shrinks every divergence to a scenario",
            "in the kit's step vocabulary. Exploration is never a rule's verdict: paste a scenario under its rule for that.",
            "",
            "  --seed <n>             the first sequence's seed (default " + ExplorationOptions.DEFAULT_SEED + "); the same seed gives the same sequences",
            "  --sequences <n>        at most this many sequences (default " + ExplorationOptions.DEFAULT_SEQUENCES + ")",
            "  --length <n>           at most this many actions (steps) per sequence (default " + ExplorationOptions.DEFAULT_LENGTH + ")",
            "  --time-limit <time>    stop starting sequences after this long: 30s, 2m, 1500ms (default 30s)",
            "  --profile <name>       vista, win7, win8, win10 or win11 (default win11)",
            "  --reports <dir>        where exploration.json goes (default ./reports)",
            "  --implementation, --class-path, -- <command>: the implementation, as for a conformance run",
            "",
            "Exit codes: 0 no divergence; 1 divergences found; 2 the command line or the adapter is wrong.");

    private ExploreCommand() {
    }

    /** The parsed command line of {@code explore}. */
    record Options(String implementation, List<Path> classPath, List<String> processCommand, long seed, int sequences, int length,
                   Duration timeLimit, WindowsVersion profile, Path reports, boolean help) {

        static Options parse(String... args) {
            String implementation = null;
            List<Path> classPath = new ArrayList<>();
            List<String> processCommand = List.of();
            long seed = ExplorationOptions.DEFAULT_SEED;
            int sequences = ExplorationOptions.DEFAULT_SEQUENCES;
            int length = ExplorationOptions.DEFAULT_LENGTH;
            Duration timeLimit = ExplorationOptions.DEFAULT_TIME_LIMIT;
            WindowsVersion profile = WindowsVersion.WIN11;
            Path reports = CliOptions.DEFAULT_REPORTS;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--")) {
                    processCommand = List.copyOf(Arrays.asList(args).subList(i + 1, args.length));
                    if (processCommand.isEmpty()) {
                        throw new UsageException("'--' must be followed by the command that starts the implementation, e.g. -- target/c/fltmodel");
                    }
                    break;
                }
                String option = arg;
                String inline = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    option = arg.substring(0, eq);
                    inline = arg.substring(eq + 1);
                }
                if (option.equals("--help") || option.equals("-h")) {
                    help = true;
                    continue;
                }
                String value = inline != null ? inline : value(option, args, i);
                if (inline == null) {
                    i++;
                }
                switch (option) {
                    case "--implementation": case "-i": implementation = value; break;
                    case "--class-path": case "-cp":
                        for (String entry : value.split(Pattern.quote(java.io.File.pathSeparator))) {
                            if (!entry.isBlank()) {
                                classPath.add(Path.of(entry));
                            }
                        }
                        break;
                    case "--seed": seed = number(option, value); break;
                    case "--sequences": sequences = positive(option, value); break;
                    case "--length": length = positive(option, value); break;
                    case "--time-limit": timeLimit = duration(value); break;
                    case "--profile": case "-p":
                        try {
                            profile = WindowsVersion.fromProfile(value);
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("--profile: " + e.getMessage().replace(" (or 'all')", "")
                                    + "; exploration runs one profile at a time");
                        }
                        break;
                    case "--reports": case "-r": reports = Path.of(value); break;
                    default:
                        throw new UsageException("unknown option '" + arg + "' for explore; run 'explore --help' for the options");
                }
            }
            if (implementation != null && !processCommand.isEmpty()) {
                throw new UsageException("both --implementation " + implementation + " and a process command after '--' were given; "
                        + "name the implementation one way only");
            }
            return new Options(implementation, List.copyOf(classPath), processCommand, seed, sequences, length, timeLimit, profile,
                    reports, help);
        }

        private static String value(String option, String[] args, int i) {
            if (i + 1 >= args.length || args[i + 1].equals("--")) {
                throw new UsageException("option " + option + " needs a value; run 'explore --help' for an example");
            }
            return args[i + 1];
        }

        private static long number(String option, String value) {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a whole number, got '" + value + "'");
            }
        }

        private static int positive(String option, String value) {
            long number = number(option, value);
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw new UsageException(option + " needs a number of at least 1, got '" + value + "'");
            }
            return (int) number;
        }

        private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

        static Duration duration(String value) {
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw new UsageException("--time-limit needs a positive time such as 30s, 2m or 1500ms, got '" + value + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return unit.equals("ms") ? Duration.ofMillis(amount) : unit.equals("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        }

        /** The process command as the JSON array the process adapter reads. */
        String processCommandJson() {
            return new CliOptions(null, List.of(), processCommand, "win11", null, reports, false, false).processCommandJson();
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Options options = Options.parse(args);
            if (options.help()) {
                out.println(USAGE);
                return Main.CONFORMANT;
            }
            ClassLoader loader = AdapterClassPath.loader(options.classPath(), previous);
            thread.setContextClassLoader(loader);
            String implementation = implementation(options, loader);
            Map<String, String> settings = options.processCommand().isEmpty() ? Map.of()
                    : Map.of(Implementations.PROCESS_COMMAND, options.processCommandJson());
            AtomicReference<ExplorationResult> result = new AtomicReference<>();
            KitSettings.with(settings, () -> {
                FilterManagerProvider provider = Implementations.byName(implementation);
                ExplorationOptions exploration = ExplorationOptions.of(provider, options.profile()).withSeed(options.seed())
                        .withSequences(options.sequences()).withLength(options.length()).withTimeLimit(options.timeLimit())
                        .withReports(options.reports()).withProgress(err, 100);
                result.set(Exploration.run(exploration));
            });
            report(result.get(), options, out, err);
            return result.get().exitCode();
        } catch (KitConfigurationException e) {
            err.println("fltkit explore: " + e.getMessage());
            return Main.USAGE;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String implementation(Options options, ClassLoader loader) {
        if (!options.processCommand().isEmpty()) {
            return Implementations.PROCESS_ALIAS;
        }
        if (options.implementation() != null) {
            return options.implementation();
        }
        if (!options.classPath().isEmpty()) {
            return AdapterClassPath.registeredProvider(loader, options.classPath());
        }
        throw new UsageException("explore needs an implementation: --implementation <provider class> (or 'reference'), "
                + "--class-path <your-adapter.jar>, or a process after -- <command>");
    }

    private static void report(ExplorationResult result, Options options, PrintStream out, PrintStream err) {
        for (String error : result.kitErrors()) {
            err.println("fltkit explore: KIT ERROR (the kit's own mistake, not the implementation's): " + error);
        }
        for (Divergence divergence : result.divergences()) {
            out.println();
            out.println(divergence.message());
            out.println(divergence.scenario());
        }
        out.printf("explore %s, %s: %d sequences, %d calls, %d divergence(s) in %.1f s (%.0f sequences/s); seed %d%n",
                result.implementation(), result.profile(), result.sequences(), result.calls(), result.divergences().size(),
                result.seconds(), result.sequencesPerSecond(), result.seed());
        out.println("report: " + options.reports().resolve(ExplorationResult.FILE).toAbsolutePath().normalize());
    }
}
