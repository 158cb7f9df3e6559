package fltkit.cli;

import fltkit.runner.ConformanceRun;
import fltkit.runner.KitConfigurationException;
import fltkit.runner.ProfileResult;
import fltkit.spi.WindowsVersion;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Minimal command line: {@code --implementation <class|reference> --profile <name|all> --reports <dir>}.
 * Exit 0 only when every applicable scenario passed in every profile; 2 on bad input.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String implementation = "reference";
        String profile = "all";
        Path reports = Path.of("reports");
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--implementation": implementation = required(args[i], value); i++; break;
                    case "--profile": profile = required(args[i], value); i++; break;
                    case "--reports": reports = Path.of(required(args[i], value)); i++; break;
                    default: throw new KitConfigurationException("unknown option '" + args[i]
                            + "'; options are --implementation, --profile, --reports");
                }
            }
            List<WindowsVersion> profiles = profile.equals("all") ? Arrays.asList(WindowsVersion.values())
                    : List.of(WindowsVersion.fromProfile(profile));
            List<ProfileResult> results = ConformanceRun.execute(new ConformanceRun.Options(implementation, profiles, reports, null));
            results.forEach(r -> System.out.println(r.line()));
            return results.stream().allMatch(ProfileResult::conformant) ? 0 : 1;
        } catch (KitConfigurationException | IllegalArgumentException e) {
            System.err.println("fltkit: " + e.getMessage());
            return 2;
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new KitConfigurationException("option " + option + " needs a value");
        }
        return value;
    }
}
