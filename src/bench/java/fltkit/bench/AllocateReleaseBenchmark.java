package fltkit.bench;

import fltkit.cli.CliOptions;
import fltkit.settings.Implementations;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * FltAllocateContext + FltReleaseContext round trips per second against any provider: the reference in
 * process by default, or any class with {@code -p implementation=<provider class>}. For the process
 * adapter: {@code -p implementation=process -p processCommand=<program>} (words separated by spaces;
 * they become the {@code fltkit.process.command} setting). Not a test: speed is never asserted; run it
 * with {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AllocateReleaseBenchmark {

    @Param("reference")
    public String implementation;

    @Param("win11")
    public String profile;

    /** The command of a process implementation, words separated by spaces; empty for a Java provider. */
    @Param("")
    public String processCommand;

    private FilterManager manager;
    private long filter;

    @Setup(Level.Trial)
    public void registerFilter() {
        if (!processCommand.isBlank()) {
            String[] words = processCommand.trim().split("\\s+");
            String[] args = new String[words.length + 1];
            args[0] = "--";
            System.arraycopy(words, 0, args, 1, words.length);
            System.setProperty(fltkit.settings.Implementations.PROCESS_COMMAND, CliOptions.parse(args).processCommandJson());
        }
        manager = Implementations.byName(implementation).create(WindowsVersion.fromProfile(profile));
        Registration registration = manager.registerFilter(List.of(ContextRegistration.fixed(ContextType.STREAM, 64)), true);
        if (registration.status() != NtStatus.STATUS_SUCCESS) {
            throw new IllegalStateException("FltRegisterFilter returned " + registration.status());
        }
        filter = registration.filter();
    }

    @Benchmark
    public long allocateAndRelease() {
        Allocation allocation = manager.allocateContext(filter, ContextType.STREAM.value(), 64, PoolType.PAGED_POOL);
        long context = allocation.returnedContext();
        if (context == 0) {
            throw new IllegalStateException("FltAllocateContext returned " + allocation.status());
        }
        manager.releaseContext(context);
        return context;
    }

    @TearDown(Level.Trial)
    public void close() {
        manager.close();
    }
}
