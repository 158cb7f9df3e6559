package fltkit.bench;

import fltkit.process.CPrograms;
import fltkit.process.ProcessProvider;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Not a test: the figures of issue 13, measured in one invocation, each beside its goal. Every timed run is
 * a fresh JVM started on the shaded CLI jar (directly, no shell), so each figure includes the JVM's start-up,
 * and each is read as a multiple of the floor: {@code --list-rules}, which starts the JVM and parses the
 * features but runs nothing. The runs are interleaved and repeated, and the median is printed, because the
 * machine is shared and single timings wander. Run with {@code mvn -B -o -Pbench verify}; arguments: the CLI
 * jar, then optionally the number of repeats (default 3).
 */
public final class RunBenchmark {
    private static final Pattern PROFILE_LINE = Pattern.compile("^fltkit: (\\w+): .*?; (\\d+) scenarios:", Pattern.MULTILINE);

    private final Path jar;
    private final Path scratch;

    private RunBenchmark(Path jar) throws IOException {
        this.jar = jar;
        this.scratch = Files.createTempDirectory("fltkit-bench");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: RunBenchmark <cli jar> [repeats]");
        }
        Path jar = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: build it with mvn -B -o package -DskipTests");
        }
        new RunBenchmark(jar).measure(repeats);
        System.exit(0);
    }

    /**
     * One kind of run: the options after the jar, and the system properties before it; with a main class, that class
     * runs instead of the jar's, with the benchmark's own classes beside the jar.
     */
    private record Kind(String name, List<String> properties, List<String> options, String mainClass) {
        Kind(String name, List<String> properties, List<String> options) {
            this(name, properties, options, null);
        }
    }

    /** What one run took and left behind. */
    private record Run(double seconds, double cpu, long bytes, long files, int scenarios, Map<String, Long> biggest) {
    }

    private void measure(int repeats) throws Exception {
        Path model = CPrograms.fltmodel().toAbsolutePath();
        List<Kind> kinds = List.of(
                new Kind("floor: --list-rules", List.of(), List.of("--list-rules")),
                new Kind("-p win11, summary only", List.of("-Dfltkit.allure=off"), List.of("-i", "reference", "-p", "win11")),
                new Kind("-p all, summary only", List.of("-Dfltkit.allure=off"), List.of("-i", "reference", "-p", "all")),
                new Kind("-p all, with the Allure report", List.of("-Dfltkit.allure=report"), List.of("-i", "reference", "-p", "all")),
                new Kind("-p win11, C model via process", List.of("-Dfltkit.allure=off"), List.of("-p", "win11", "--", model.toString())),
                new Kind("stack alone: the features, dry run", List.of(), List.of(), StackFloor.class.getName()));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        kinds.forEach(k -> runs.put(k.name(), new ArrayList<>()));
        // Each repeat runs every kind once, so load that comes and goes spreads over all of them alike.
        for (int r = 0; r < repeats; r++) {
            for (Kind kind : kinds) {
                Run run = run(kind);
                runs.get(kind.name()).add(run);
                System.out.printf("  repeat %d/%d  %-34s %6.2f s wall %6.2f s cpu %8.1f MB  %5d files%n", r + 1, repeats,
                        kind.name(), run.seconds(), run.cpu(), run.bytes() / 1e6, run.files());
            }
        }
        double callsPerSecond = protocolCallsPerSecond(model);
        double pipePerSecond = pipeRoundTripsPerSecond();

        double floor = median(runs.get(kinds.get(0).name()));
        double win11 = median(runs.get(kinds.get(1).name()));
        double all = median(runs.get(kinds.get(2).name()));
        double allure = median(runs.get(kinds.get(3).name()));
        double process = median(runs.get(kinds.get(4).name()));
        double stack = median(runs.get(kinds.get(5).name()));
        int win11Scenarios = runs.get(kinds.get(1).name()).get(0).scenarios();
        int profiles = WindowsVersion.values().length;

        System.out.println();
        System.out.printf("fltkit benchmark: medians of %d repeats; times as multiples of the floor (%.2f s)%n", repeats, floor);
        System.out.printf("%-52s %10s %10s   %s%n", "figure", "measured", "ratio", "goal");
        row("--list-rules (JVM start + feature parse: the floor)", secs(floor), "1.00x", "-");
        row("-p win11, summary only", secs(win11), ratio(win11 / floor), "<= 2x");
        row("-p all, summary only", secs(all), ratio(all / floor), "<= 3x");
        row("-p all, summary + Allure single-file report", secs(allure), ratio(allure / floor), "<= 5x");
        double first = win11 - floor;
        double extra = (all - win11) / (profiles - 1);
        row("each extra profile / the first profile's cost", secs(extra), String.format("%.0f%%", 100 * extra / first), "<= 25%");
        row("kit time per scenario execution, win11 (upper bound)", String.format("%.2f ms", 1000 * first / win11Scenarios),
                "", "<= 0.5 ms overhead");
        row("the stack alone (Cucumber dry run, same features)", secs(stack), ratio(stack / floor),
                "(no kit run is faster)");
        row("  kit time per scenario above the stack's dry run", String.format("%.2f ms", 1000 * (win11 - stack) / win11Scenarios),
                "", "steps, hooks, reports, the implementation");
        row("-p win11 through the process adapter (C model)", secs(process), ratio(process / floor), "-");
        row("  process adapter / in process, one profile", "", ratio(process / win11), "<= 1.5x");
        row("protocol request/answer pairs per second (C model)", String.format("%.0f/s", callsPerSecond), "", ">= 50000/s");
        row("  this machine's pipe floor: a line to cat and back", String.format("%.0f/s", pipePerSecond),
                String.format("%.0f%%", 100 * callsPerSecond / pipePerSecond), "(protocol / floor)");
        for (Kind kind : kinds.subList(1, kinds.size())) {
            if (kind.mainClass() != null) {
                continue;   // writes nothing
            }
            Run sample = runs.get(kind.name()).get(0);
            row("written by " + kind.name(), String.format("%.1f MB", sample.bytes() / 1e6), sample.files() + " files",
                    "<= 15 MB per run");
        }
        System.out.println();
        System.out.println("the same as CPU time of the kit's JVM (medians; the C model's own CPU not counted):");
        double cpuFloor = medianCpu(runs.get(kinds.get(0).name()));
        for (Kind kind : kinds) {
            double cpu = medianCpu(runs.get(kind.name()));
            row("  cpu " + kind.name(), secs(cpu), ratio(cpu / cpuFloor), "");
        }
        System.out.println();
        System.out.println("biggest files of one '-p all, with the Allure report' run:");
        runs.get(kinds.get(3).name()).get(0).biggest().forEach((name, size) -> System.out.printf("  %10d  %s%n", size, name));
    }

    private static void row(String figure, String measured, String ratio, String goal) {
        System.out.printf("%-52s %10s %10s   %s%n", figure, measured, ratio, goal);
    }

    private static String secs(double seconds) {
        return String.format("%.2f s", seconds);
    }

    private static String ratio(double ratio) {
        return String.format("%.2fx", ratio);
    }

    private static double median(List<Run> runs) {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        int n = seconds.length;
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }

    private static double medianCpu(List<Run> runs) {
        double[] cpu = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
        int n = cpu.length;
        return n % 2 == 1 ? cpu[n / 2] : (cpu[n / 2 - 1] + cpu[n / 2]) / 2;
    }

    /** Starts the CLI in a fresh JVM into an empty reports folder, and measures the time and what it wrote. */
    private Run run(Kind kind) throws IOException, InterruptedException {
        Path reports = scratch.resolve("reports");
        Path output = scratch.resolve("output.txt");
        delete(reports);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(kind.properties());
        if (kind.mainClass() == null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(jar + java.io.File.pathSeparator + ownClasses());
            command.add(kind.mainClass());
        }
        int dashes = kind.options().indexOf("--");
        List<String> options = new ArrayList<>(kind.options());
        if (kind.mainClass() == null && !kind.options().contains("--list-rules")) {
            options.addAll(dashes < 0 ? options.size() : dashes, List.of("-r", reports.toString()));
        }
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        // The JVM's own CPU time (not its children's), read until it ends: on a shared machine it wanders less than the wall time.
        double cpu = 0;
        while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(cpu);
        }
        int exit = process.exitValue();
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(output);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + text);
        }
        int scenarios = 0;
        Matcher m = PROFILE_LINE.matcher(text);
        while (m.find()) {
            scenarios += Integer.parseInt(m.group(2));
        }
        long bytes = 0;
        long files = 0;
        Map<String, Long> biggest = new LinkedHashMap<>();
        if (Files.exists(reports)) {
            List<Path> all;
            try (Stream<Path> walk = Files.walk(reports)) {
                all = walk.filter(Files::isRegularFile).toList();
            }
            List<long[]> sizes = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                long size = Files.size(all.get(i));
                bytes += size;
                files++;
                sizes.add(new long[] {size, i});
            }
            sizes.sort(Comparator.comparingLong((long[] s) -> s[0]).reversed());
            for (long[] s : sizes.subList(0, Math.min(8, sizes.size()))) {
                biggest.put(reports.relativize(all.get((int) s[1])).toString(), s[0]);
            }
        }
        return new Run(seconds, cpu, bytes, files, scenarios, biggest);
    }

    /** FltAllocateContext + FltReleaseContext through the process adapter for about two seconds, after a warm-up. */
    private static double protocolCallsPerSecond(Path model) {
        ProcessProvider provider = new ProcessProvider(List.of(model.toString()));
        try (FilterManager fm = provider.create(WindowsVersion.WIN11)) {
            long filter = fm.registerFilter(List.of(ContextRegistration.fixed(ContextType.FILE, 64)), true).filter();
            double[] rates = new double[3];
            for (int round = 0; round < rates.length + 1; round++) {
                long start = System.nanoTime();
                long calls = 0;
                while (System.nanoTime() - start < 1_000_000_000L) {
                    for (int i = 0; i < 500; i++) {
                        Allocation allocation = fm.allocateContext(filter, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
                        fm.releaseContext(allocation.returnedContext());
                    }
                    calls += 1000;
                }
                if (round > 0) {   // the first round warms up
                    rates[round - 1] = calls / ((System.nanoTime() - start) / 1e9);
                }
            }
            Arrays.sort(rates);
            return rates[rates.length / 2];
        } finally {
            provider.shutdown();
        }
    }

    /**
     * What the operating system allows before any protocol: one line of a request's size written to {@code cat} and
     * read back, for about a second per round after a warm-up (the median of three). No implementation of the
     * protocol on this machine can pass more request/answer pairs than this.
     */
    private static double pipeRoundTripsPerSecond() throws IOException {
        Process cat = new ProcessBuilder("cat").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] line = "{\"id\":123456,\"op\":\"allocateContext\",\"args\":{\"filter\":1,\"type\":4,\"size\":64,\"pool\":1}}\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] back = new byte[4096];
            java.io.OutputStream out = cat.getOutputStream();
            java.io.InputStream in = cat.getInputStream();
            double[] rates = new double[3];
            for (int round = 0; round < rates.length + 1; round++) {
                long start = System.nanoTime();
                long pairs = 0;
                while (System.nanoTime() - start < 1_000_000_000L) {
                    out.write(line);
                    out.flush();
                    for (int got = 0; got < line.length; ) {
                        int read = in.read(back, 0, back.length);
                        if (read < 0) {
                            throw new IOException("cat closed its output");
                        }
                        got += read;
                    }
                    pairs++;
                }
                if (round > 0) {
                    rates[round - 1] = pairs / ((System.nanoTime() - start) / 1e9);
                }
            }
            Arrays.sort(rates);
            return rates[rates.length / 2];
        } finally {
            cat.destroyForcibly();
        }
    }

    /** Where the benchmark's classes were loaded from (target/test-classes). */
    private static String ownClasses() {
        try {
            return Path.of(RunBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
