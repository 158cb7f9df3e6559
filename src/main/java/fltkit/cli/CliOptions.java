package fltkit.cli;

import fltkit.report.AllureMode;
import fltkit.runner.RunSettings;
import fltkit.settings.Implementations;
import fltkit.spi.WindowsVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed command line.
 *
 * @param implementation provider class name or {@code reference}; null when the adapter comes from
 *                       {@code --class-path} (ServiceLoader) or from a process command
 * @param classPath      jars or directories added to the class path, in order
 * @param processCommand the command after {@code --} that starts a process implementation; empty if none
 * @param profile        a profile name or {@code all}
 * @param tags           a Cucumber tag expression, or null for the canonical run
 * @param reports        where reports go
 * @param listRules      print the rule catalogue and stop
 * @param help           print the usage and stop
 * @param version        print the kit's version and commit and stop
 * @param allure         {@code report}, {@code results}, {@code both} or {@code off}; null for the kit's default ({@code report})
 * @param requireFull    a profile that is INCOMPLETE fails the run ({@code fltkit.require-full=true})
 * @param progress       one line per feature and profile while the run goes ({@code fltkit.progress})
 * @param explore        random call sequences to explore per profile after its scenarios ({@code fltkit.explore}); 0: none
 */
public record CliOptions(String implementation, List<Path> classPath, List<String> processCommand, String profile,
                         String tags, Path reports, boolean listRules, boolean help, boolean version, String allure,
                         boolean requireFull, boolean progress, long explore) {

    public static final String DEFAULT_PROFILE = "all";
    public static final Path DEFAULT_REPORTS = Path.of("reports");
    static final String USAGE = String.join("\n",
            "usage: java -jar fltmgr-context-kit-cli.jar [options] [-- <command> [<argument>...]]",
            "",
            "Runs the Filter Manager context conformance features against one implementation.",
            "",
            "The implementation under test (exactly one way):",
            "  --implementation <class>   a FilterManagerProvider class name, or 'reference' for the kit's own model",
            "  --class-path <jar|dir>     add a jar or class directory (repeatable, or several joined with '"
                    + java.io.File.pathSeparator + "');",
            "                             without --implementation, the one provider it registers in",
            "                             META-INF/services/fltkit.spi.FilterManagerProvider is used",
            "  -- <command> [<arg>...]    start a process implementation speaking the kit's process protocol;",
            "                             everything after -- is the command, run directly (no shell)",
            "",
            "What to run:",
            "  --profile <names>          vista, win7, win8, win10, win11, several joined with ',' or all (default: all)",
            "  --tags <expression>        only scenarios matching a Cucumber tag expression, e.g. '@must and not @needs:irql';",
            "                             for debugging: the run is PARTIAL and establishes no conformance",
            "  --require-full             a profile that is INCOMPLETE (an applicable MUST rule not exercised, e.g. for a",
            "                             capability not declared) fails the run with exit 1, as a rule failing would",
            "  --explore <n>              after each profile's scenarios, explore n random call sequences against the",
            "                             reference (the summary's exploration section; a divergence exits 1); default 0",
            "",
            "Reports and output:",
            "  --reports <dir>            where reports are written (default: ./reports): an empty or new folder, or one",
            "                             a previous run wrote; the kit deletes only what that run listed in its manifest",
            "                             (.fltkit-reports.json), and one run at a time writes there",
            "  --allure <mode>            report: the single-file allure-report/index.html (default; the allure-results/",
            "                             it is made from are removed); results: allure-results/ only; both: the two;",
            "                             off: no Allure output (the report takes about half of a run's time; the",
            "                             summary, JSON and JUnit XML are always written)",
            "  --no-progress              no line per feature and profile while the run goes (the closing lines stay)",
            "",
            "Other:",
            "  --list-rules               print the rule catalogue (ID, level, Windows range, title, source) and stop",
            "  --version                  print the kit's version and the git commit it was built from, and stop",
            "  --help                     print this text and stop",
            "",
            "Comparing implementations:",
            "  merge [--out <dir>] <summary.json>...   merge conformance-summary.json files of several implementations",
            "                             (same kit version only) into conformance-matrix.html and .md",
            "",
            "Exploring:",
            "  explore [--seed <n>] [--sequences <n>] [--length <n>] [--time-limit 30s] [--profile <name>] <implementation>",
            "                             random call sequences judged by the documented rules; each divergence is shrunk",
            "                             to a scenario and written to <reports>/exploration.json (explore --help)",
            "",
            "Exit codes: 0 a complete run in which nothing failed; 1 a rule failed, a scenario broke or a kit check",
            "            was breached; 2 the command line, the adapter or the reports folder is wrong;",
            "            3 the kit's own features or scenarios are wrong; 4 no verdict (a profile where no MUST rule",
            "            could run, or a PARTIAL --tags run); 5 no verdict: the JVM was made to exit during the run.",
            "",
            "Examples:",
            "  java -jar fltmgr-context-kit-cli.jar --implementation reference --profile win10",
            "  java -jar fltmgr-context-kit-cli.jar --class-path my-adapter.jar --profile all --reports out",
            "  java -jar fltmgr-context-kit-cli.jar --class-path my-adapter.jar --allure off --no-progress --require-full",
            "  java -jar fltmgr-context-kit-cli.jar --class-path my-adapter.jar --profile win11 --explore 200",
            "  java -jar fltmgr-context-kit-cli.jar --profile win11 -- ./my-fltmgr --protocol-stdio");

    /** The options of a run, or a {@link UsageException} saying what is wrong and how to fix it. */
    public static CliOptions parse(String... args) {
        String implementation = null;
        List<Path> classPath = new ArrayList<>();
        List<String> processCommand = List.of();
        String profile = DEFAULT_PROFILE;
        String tags = null;
        Path reports = DEFAULT_REPORTS;
        boolean listRules = false;
        boolean help = false;
        boolean version = false;
        String allure = null;
        boolean requireFull = false;
        boolean progress = true;
        long explore = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                processCommand = List.copyOf(Arrays.asList(args).subList(i + 1, args.length));
                if (processCommand.isEmpty()) {
                    throw new UsageException("'--' must be followed by the command that starts the implementation, "
                            + "e.g. -- ./my-fltmgr --stdio");
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
            switch (option) {
                case "--help": case "-h": help = true; break;
                case "--list-rules": listRules = true; break;
                case "--version": version = true; break;
                case "--require-full": requireFull = true; break;
                case "--no-progress": progress = false; break;
                case "--allure":
                    String mode = value(option, inline, args, i);
                    allure = AllureMode.parse(mode).map(AllureMode::value).orElseThrow(() -> new UsageException(
                            "--allure must be " + AllureMode.choices() + ", got '" + mode + "'"));
                    break;
                case "--implementation": case "-i":
                    implementation = value(option, inline, args, i);
                    break;
                case "--class-path": case "-cp":
                    for (String entry : value(option, inline, args, i).split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                        if (!entry.isBlank()) {
                            classPath.add(Path.of(entry));
                        }
                    }
                    break;
                case "--profile": case "-p": profile = value(option, inline, args, i); break;
                case "--tags": case "-t": tags = value(option, inline, args, i); break;
                case "--reports": case "-r": reports = Path.of(value(option, inline, args, i)); break;
                case "--explore": explore = count(option, value(option, inline, args, i)); break;
                default:
                    throw new UsageException("unknown option '" + arg + "'; run with --help for the options"
                            + (arg.startsWith("-") ? "" : " (a process command goes after '--', e.g. -- " + arg + ")"));
            }
            if (inline == null && takesValue(option)) {
                i++;
            }
        }
        if (implementation != null && !processCommand.isEmpty()) {
            throw new UsageException("both --implementation " + implementation + " and a process command after '--' were "
                    + "given; name the implementation one way only");
        }
        if (tags != null && tags.isBlank()) {
            throw new UsageException("--tags needs a tag expression, e.g. --tags '@must'");
        }
        return new CliOptions(implementation, List.copyOf(classPath), processCommand, profile, tags, reports, listRules, help,
                version, allure, requireFull, progress, explore);
    }

    /** The options of a run with the kit's defaults for everything the command line adds to the settings. */
    public CliOptions(String implementation, List<Path> classPath, List<String> processCommand, String profile, String tags,
                      Path reports, boolean listRules, boolean help) {
        this(implementation, classPath, processCommand, profile, tags, reports, listRules, help, false, null, false, true, 0);
    }

    private static long count(String option, String text) {
        try {
            long n = Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(option + " needs a whole number of sequences, 0 or more, got '" + text + "'");
    }

    private static boolean takesValue(String option) {
        return !List.of("--help", "-h", "--list-rules", "--version", "--require-full", "--no-progress").contains(option);
    }

    /**
     * The fltkit.* settings the command line hands the engine (the process command, --allure, --require-full,
     * --no-progress), exactly the keys a Maven run would set as configuration parameters.
     */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (!processCommand.isEmpty()) {
            settings.put(Implementations.PROCESS_COMMAND, processCommandJson());
        }
        if (allure != null) {
            settings.put(RunSettings.ALLURE, allure);
        }
        if (requireFull) {
            settings.put(RunSettings.REQUIRE_FULL, "true");
        }
        if (!progress) {
            settings.put(RunSettings.PROGRESS, "false");
        }
        if (explore > 0) {
            settings.put(RunSettings.EXPLORE, Long.toString(explore));
        }
        return settings;
    }

    private static String value(String option, String inline, String[] args, int i) {
        if (inline != null) {
            if (inline.isEmpty()) {
                throw new UsageException("option " + option + " needs a value after '='");
            }
            return inline;
        }
        if (i + 1 >= args.length || args[i + 1].equals("--") || (args[i + 1].startsWith("--") && args[i + 1].length() > 2)) {
            throw new UsageException("option " + option + " needs a value; run with --help for an example");
        }
        return args[i + 1];
    }

    /** The profiles to run, or a {@link UsageException} naming the known ones. */
    public List<WindowsVersion> profiles() {
        try {
            return WindowsVersion.fromProfiles(profile);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--profile: " + e.getMessage());
        }
    }

    public boolean partial() {
        return tags != null;
    }

    /** The process command as the JSON array of strings the process adapter reads from {@link Implementations#PROCESS_COMMAND}. */
    public String processCommandJson() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < processCommand.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            for (char c : processCommand.get(i).toCharArray()) {
                switch (c) {
                    case '"': json.append("\\\""); break;
                    case '\\': json.append("\\\\"); break;
                    case '\n': json.append("\\n"); break;
                    case '\r': json.append("\\r"); break;
                    case '\t': json.append("\\t"); break;
                    default:
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
