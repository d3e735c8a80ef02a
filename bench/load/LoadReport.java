import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the table of bench/load/run.sh from its results file (run as a source file:
 * {@code java bench/load/LoadReport.java RESULTS CLK_TCK FIRST_KEPT_ROUND}).
 *
 * <p>RESULTS has one tab-separated line per wrk run: round, scenario, requests, duration in µs,
 * non-2xx/3xx responses, socket errors, p50 and p99 latency in µs, server CPU ticks (utime +
 * stime of the WildFly process over the run). The first scenario is the baseline. Rounds before
 * FIRST_KEPT_ROUND are left out (the first runs on a cold JIT). Per scenario: the median over the
 * kept rounds of req/s, of the ratio to the baseline's req/s in the same round, of p50 and p99;
 * server CPU per request as the kept rounds' CPU time over their requests; the sums of non-2xx
 * responses and socket errors.
 */
public final class LoadReport {

    /** One wrk run. */
    private record Run(int round, String scenario, long requests, long durationMicros, long status, long socket,
                       long p50, long p99, long cpuTicks) {
        double perSecond() {
            return requests * 1e6 / durationMicros;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            runs.add(new Run(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                    Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                    Long.parseLong(f[8])));
        }
        double ticksPerSecond = Double.parseDouble(args[1]);
        int firstKept = Integer.parseInt(args[2]);
        Map<String, List<Run>> byScenario = new LinkedHashMap<>();
        for (Run run : runs) {
            if (run.round() >= firstKept) {
                byScenario.computeIfAbsent(run.scenario(), s -> new ArrayList<>()).add(run);
            }
        }
        String baseline = byScenario.keySet().iterator().next();
        Map<Integer, Double> baselinePerRound = new LinkedHashMap<>();
        for (Run run : byScenario.get(baseline)) {
            baselinePerRound.put(run.round(), run.perSecond());
        }

        System.out.println("| scenario | req/s | × " + baseline + " | p50 ms | p99 ms | server CPU µs/req | non-2xx | socket errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Run>> entry : byScenario.entrySet()) {
            List<Run> kept = entry.getValue();
            List<Double> perSecond = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            long requests = 0;
            long ticks = 0;
            long status = 0;
            long socket = 0;
            for (Run run : kept) {
                perSecond.add(run.perSecond());
                Double base = baselinePerRound.get(run.round());
                if (base != null && base > 0) {
                    ratios.add(run.perSecond() / base);
                }
                p50.add(run.p50() / 1000.0);
                p99.add(run.p99() / 1000.0);
                requests += run.requests();
                ticks += run.cpuTicks();
                status += run.status();
                socket += run.socket();
            }
            double cpuMicros = requests == 0 ? Double.NaN : ticks / ticksPerSecond * 1e6 / requests;
            System.out.println(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %.2f | %.0f | %d | %d |",
                    entry.getKey(), median(perSecond), median(ratios), median(p50), median(p99), cpuMicros, status,
                    socket));
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
