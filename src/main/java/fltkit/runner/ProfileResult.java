package fltkit.runner;

import fltkit.spi.WindowsVersion;

/** Scenario counts of one profile's run. */
public record ProfileResult(WindowsVersion profile, long passed, long failed, long broken, long skipped) {

    public long total() {
        return passed + failed + broken + skipped;
    }

    /** True when no applicable scenario failed or broke. */
    public boolean conformant() {
        return failed == 0 && broken == 0;
    }

    /** True when every scenario was skipped (not declared, not applicable): the profile was not judged at all. */
    public boolean judgedNothing() {
        return total() > 0 && passed + failed + broken == 0;
    }

    /** The closing line, in the plain form CI dashboards count. */
    public String line() {
        return String.format("%s: %d passed, %d failed, %d skipped (%d broken)", profile.profile(), passed,
                failed + broken, skipped, broken);
    }
}
