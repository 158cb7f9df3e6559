package fltkit.report;

import fltkit.spi.Capability;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who ran what: the implementation (name, version, declared capabilities), the profiles, and the
 * kit itself (version and git commit, both recorded by the build in the jar), the JDK and the OS.
 * {@code incomplete} says why a run did not finish (empty when it did): such a run has no verdict.
 */
public record RunInfo(String implementation, String implementationVersion, String vendor, List<String> capabilities,
                      List<String> profiles, String kitVersion, String kitCommit, String jdk, String os,
                      boolean partial, String tagFilter, String finishedAt, String incomplete) {

    public RunInfo(String implementation, String implementationVersion, String vendor, List<String> capabilities,
                   List<String> profiles, String kitVersion, String kitCommit, String jdk, String os,
                   boolean partial, String tagFilter, String finishedAt) {
        this(implementation, implementationVersion, vendor, capabilities, profiles, kitVersion, kitCommit, jdk, os, partial,
                tagFilter, finishedAt, "");
    }

    /**
     * @param capabilities the capabilities the implementation declares (the roles its filter manager implements),
     *                     as the launcher found them before the run
     */
    public static RunInfo of(FilterManagerProvider provider, Set<Capability> capabilities, List<WindowsVersion> profiles,
                             boolean partial, String tagFilter) {
        ImplementationInfo given = provider.info();
        // Whatever the implementation says about itself is shown, never trusted to be there.
        ImplementationInfo info = given != null ? given : new ImplementationInfo(null, null, null, null);
        return new RunInfo(text(info.name()), text(info.version()), text(info.vendor()),
                capabilities.stream().map(Capability::tag).sorted().collect(Collectors.toList()),
                profiles.stream().map(WindowsVersion::profile).collect(Collectors.toList()),
                readKitVersion(), readKitCommit(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                partial, tagFilter == null ? "" : tagFilter, Instant.now().toString());
    }

    /**
     * How {@code tagFilter} begins when it was not tags that limited the run but a filter of the launcher
     * (Surefire's groups or excludedGroups, an IDE's selection): the rest says what it left out.
     */
    public static final String LAUNCHER_FILTER = "launcher filter: ";

    /** What limited a PARTIAL run, as the pages say it: "--tags @x", or what the launcher's filter left out. */
    public String limitedBy() {
        String filter = tagFilter == null ? "" : tagFilter;
        return filter.startsWith(LAUNCHER_FILTER) ? filter : "--tags " + filter;
    }

    /** The same run, finished now. */
    public RunInfo finishedNow() {
        return new RunInfo(implementation, implementationVersion, vendor, capabilities, profiles, kitVersion, kitCommit, jdk, os,
                partial, tagFilter, Instant.now().toString(), incomplete);
    }

    /** The same run, marked as one that did not finish, for this reason. */
    public RunInfo unfinished(String reason) {
        return new RunInfo(implementation, implementationVersion, vendor, capabilities, profiles, kitVersion, kitCommit, jdk, os,
                partial, tagFilter, Instant.now().toString(), reason);
    }

    /** True when the run finished (summaries of earlier kit versions carry no such field). */
    public boolean finished() {
        return incomplete == null || incomplete.isEmpty();
    }

    private static String text(String given) {
        return given == null ? "" : given;
    }

    /** The kit's version, as the build recorded it in {@code fltkit/kit.properties} (else the jar's manifest). */
    public static String readKitVersion() {
        String version = kitProperty("kit.version");
        if (!version.isEmpty()) {
            return version;
        }
        String manifest = RunInfo.class.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }

    /**
     * -Dfltkit.kit.commit, else the commit the build wrote into {@code fltkit/kit.properties}, else "unknown". Read
     * from the jar, never from the working directory: a report names the kit that made it, wherever it runs.
     */
    public static String readKitCommit() {
        String given = System.getProperty("fltkit.kit.commit");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String built = kitProperty("kit.commit");
        return built.isEmpty() ? "unknown" : built;
    }

    /** A value the build filtered into kit.properties; empty when missing or left unfiltered. */
    private static String kitProperty(String key) {
        try (InputStream in = RunInfo.class.getResourceAsStream("/fltkit/kit.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String value = properties.getProperty(key, "").trim();
                if (!value.contains("${")) {
                    return value;
                }
            }
        } catch (IOException e) {
            // as if missing
        }
        return "";
    }
}
