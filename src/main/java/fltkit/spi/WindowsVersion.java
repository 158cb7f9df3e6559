package fltkit.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Windows versions the kit has profiles for, oldest first. */
public enum WindowsVersion {
    VISTA("vista"), WIN7("win7"), WIN8("win8"), WIN10("win10"), WIN11("win11");

    private final String profile;

    WindowsVersion(String profile) {
        this.profile = profile;
    }

    /** The profile name used on the command line and in tags, e.g. {@code win8}. */
    public String profile() {
        return profile;
    }

    public boolean atLeast(WindowsVersion other) {
        return compareTo(other) >= 0;
    }

    public static WindowsVersion fromProfile(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (WindowsVersion version : values()) {
            if (version.profile.equals(wanted)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown Windows profile '" + name + "'; known profiles: "
                + Arrays.stream(values()).map(WindowsVersion::profile).collect(Collectors.joining(", "))
                + " (or 'all')");
    }

    /** The profiles a user names: one, several joined with commas (each once, in the order given), or {@code all}. */
    public static List<WindowsVersion> fromProfiles(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return List.of(values());
        }
        List<WindowsVersion> profiles = new ArrayList<>();
        for (String name : text.split(",")) {
            WindowsVersion version = fromProfile(name);
            if (!profiles.contains(version)) {
                profiles.add(version);
            }
        }
        return List.copyOf(profiles);
    }

    @Override
    public String toString() {
        return profile;
    }
}
