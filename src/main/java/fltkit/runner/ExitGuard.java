package fltkit.runner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps a JVM that is made to exit during a conformance run (an implementation calling System.exit(0),
 * a signal) from ending with a status that claims a verdict: a shutdown hook, armed for the run, says so
 * on stderr, leaves what it can of the reports and halts with {@link #CUT_SHORT}. {@code halt} inside a
 * shutdown hook overrides the status System.exit was given.
 */
public final class ExitGuard implements AutoCloseable {
    /** The exit status of a run the JVM was made to leave before it finished. */
    public static final int CUT_SHORT = 5;
    private static final long LAST_WORDS_MILLIS = 20_000;

    private final Thread hook = new Thread(this::cutShort, "fltkit-exit-guard");
    private volatile Consumer<String> lastWords = reason -> { };

    private ExitGuard() {
    }

    public static ExitGuard arm() {
        ExitGuard guard = new ExitGuard();
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** What to leave behind if the run is cut short; it is given the reason. */
    public void whenCutShort(Consumer<String> lastWords) {
        this.lastWords = lastWords;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // the JVM is already exiting: the hook runs and halts
        }
    }

    private void cutShort() {
        String caller = caller();
        String reason = "the JVM was made to exit during the run ("
                + (caller == null ? "by a signal, or by System.exit from a thread that has ended" : "System.exit called from " + caller)
                + ") before the run finished, so there is no verdict";
        System.err.println("fltkit: " + reason + "; exit status " + CUT_SHORT
                + (caller == null ? "" : " (an implementation must never end the JVM: return a status or throw instead)"));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(LAST_WORDS_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(CUT_SHORT);
        }, "fltkit-exit-guard-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            lastWords.accept(reason);
        } catch (RuntimeException | Error e) {
            System.err.println("fltkit: could not leave the reports of the unfinished run: " + e);
        }
        System.err.flush();
        Runtime.getRuntime().halt(CUT_SHORT);
    }

    /** Where System.exit was called ("Class.method(File:line)"), or null when no thread is in it (a signal). */
    private static String caller() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            List<StackTraceElement> frames = Arrays.asList(thread.getValue());
            for (int i = 0; i < frames.size() - 1; i++) {
                StackTraceElement frame = frames.get(i);
                if (frame.getClassName().equals("java.lang.System") && frame.getMethodName().equals("exit")
                        || frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")
                        && !frames.get(i + 1).getClassName().equals("java.lang.System")) {
                    StackTraceElement caller = frames.get(i + 1);
                    return caller.getClassName() + "." + caller.getMethodName() + "(" + caller.getFileName() + ":"
                            + caller.getLineNumber() + ")";
                }
            }
        }
        return null;
    }
}
