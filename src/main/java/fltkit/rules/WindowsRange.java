package fltkit.rules;

import fltkit.settings.KitConfigurationException;
import fltkit.spi.WindowsVersion;

/**
 * The Windows versions a rule applies to, as written in a {@code @windows:} tag:
 * {@code all}, {@code win8+} (that version and later), {@code vista..win10} (inclusive range) or
 * {@code win7} (that version only).
 */
public record WindowsRange(WindowsVersion from, WindowsVersion to) {

    public static final WindowsRange ALL = new WindowsRange(WindowsVersion.VISTA, WindowsVersion.WIN11);

    public static WindowsRange parse(String text) {
        String spec = text.trim();
        try {
            if (spec.equals("all")) {
                return ALL;
            }
            if (spec.endsWith("+")) {
                return new WindowsRange(WindowsVersion.fromProfile(spec.substring(0, spec.length() - 1)), WindowsVersion.WIN11);
            }
            int dots = spec.indexOf("..");
            if (dots > 0) {
                WindowsVersion from = WindowsVersion.fromProfile(spec.substring(0, dots));
                WindowsVersion to = WindowsVersion.fromProfile(spec.substring(dots + 2));
                if (from.compareTo(to) > 0) {
                    throw new IllegalArgumentException("range starts after it ends");
                }
                return new WindowsRange(from, to);
            }
            WindowsVersion only = WindowsVersion.fromProfile(spec);
            return new WindowsRange(only, only);
        } catch (IllegalArgumentException e) {
            throw new KitConfigurationException("malformed Windows range '@windows:" + text + "' (" + e.getMessage()
                    + "); write all, win8+, vista..win10 or win7", e);
        }
    }

    public boolean contains(WindowsVersion version) {
        return version.compareTo(from) >= 0 && version.compareTo(to) <= 0;
    }

    @Override
    public String toString() {
        if (this.equals(ALL)) {
            return "all";
        }
        if (to == WindowsVersion.WIN11) {
            return from.profile() + "+";
        }
        return from == to ? from.profile() : from.profile() + ".." + to.profile();
    }
}
