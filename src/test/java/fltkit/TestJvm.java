package fltkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command of a JVM a test starts (a command line, a lock holder), with the options the build gives
 * its own test JVMs ({@code fltkit.test.jvm} in the pom): short-lived JVMs on a small machine spend less CPU with
 * them, and the options change no behaviour.
 */
public final class TestJvm {
    private TestJvm() {
    }

    /** {@code <java.home>/bin/java} and the build's test JVM options, then {@code -cp <class path>}. */
    public static List<String> java(String classPath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty("fltkit.test.jvm", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(classPath);
        return command;
    }

    /** As {@link #java(String)}, with the tests' own class path. */
    public static List<String> java() {
        return java(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }
}
