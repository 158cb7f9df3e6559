package fltkit;

import fltkit.suite.ConformanceTests;

/**
 * Every feature against the implementation named by -Dfltkit.implementation (the reference when the
 * kit's own build runs it) in the profile named by -Dfltkit.profile: the suite implementers run, run
 * by the kit's own build.
 */
public class ConformanceSuiteTest extends ConformanceTests {
}
