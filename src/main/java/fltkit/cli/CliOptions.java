package fltkit.cli;

import fltkit.settings.Implementations;
import fltkit.spi.WindowsVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 */
public record CliOptions(String implementation, List<Path> classPath, List<String> processCommand, String profile,
                         String tags, Path reports, boolean listRules, boolean help) {

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
            "  --profile <name>           vista, win7, win8, win10, win11 or all (default: all)",
            "  --tags <expression>        only scenarios matching a Cucumber tag expression, e.g. '@must and not @needs:irql';",
            "                             for debugging: the run is PARTIAL and establishes no conformance",
            "  --reports <dir>            where reports are written (default: ./reports): an empty or new folder, or one",
            "                             a previous run wrote; the kit deletes only what that run listed in its manifest",
            "                             (.fltkit-reports.json), and one run at a time writes there",
            "",
            "Other:",
            "  --list-rules               print the rule catalogue (ID, level, Windows range, title, source) and stop",
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
        return new CliOptions(implementation, List.copyOf(classPath), processCommand, profile, tags, reports, listRules, help);
    }

    private static boolean takesValue(String option) {
        return !option.equals("--help") && !option.equals("-h") && !option.equals("--list-rules");
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
        if (profile.trim().equalsIgnoreCase("all")) {
            return List.of(WindowsVersion.values());
        }
        try {
            return List.of(WindowsVersion.fromProfile(profile));
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
