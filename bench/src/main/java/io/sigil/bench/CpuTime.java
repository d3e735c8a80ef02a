package io.sigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cross-check for a shared, loaded machine, where JMH's wall-clock scores swing by several
 * times: the same contenders and token as the JMH benchmarks, timed in this thread's CPU time
 * (which a busy neighbour barely changes), after a warm-up, as the best of seven rounds. Prints
 * the same markdown table as {@link Report}. Not a replacement for JMH on a quiet machine: no
 * forks, no blackholes, one JVM for all contenders. Run as
 * {@code java -cp bench/target/benchmarks.jar io.sigil.bench.CpuTime [WARMUP_SECONDS [ALG]]}.
 */
public final class CpuTime {

    private static final List<String> CONTENDERS = List.of("floor", "sigil", "nimbus", "jose4j", "auth0", "jjwt");

    private CpuTime() {
    }

    /**
     * @param args optional warm-up seconds per contender (default 3), then optionally one algorithm
     *             ({@code HS256}) to time alone
     * @throws Exception if a contender cannot be set up or fails its proof
     */
    public static void main(String[] args) throws Exception {
        long warmupNanos = (args.length > 0 ? Long.parseLong(args[0]) : 3) * 1_000_000_000L;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> rows = new ArrayList<>();
        for (Fixture.Alg alg : Fixture.Alg.values()) {
            if (args.length > 1 && !alg.name().equals(args[1])) {
                continue;
            }
            Fixture fixture = Fixture.create(alg);
            StringBuilder row = new StringBuilder("| ").append(alg);
            double[] opsPerSecond = new double[CONTENDERS.size()];
            for (int c = 0; c < CONTENDERS.size(); c++) {
                Check check = contender(CONTENDERS.get(c), fixture);
                if (check == null) {
                    row.append(" | -");
                    continue;
                }
                double nanos = bestNanosPerOp(check.provenOn(CONTENDERS.get(c), fixture), fixture.token(),
                        alg == Fixture.Alg.HS256 ? 100_000 : 1_000, warmupNanos, threads);
                opsPerSecond[c] = 1e9 / nanos;
                row.append(String.format(Locale.ROOT, " | %,.0f ns (%s)", nanos, ops(opsPerSecond[c])).replace(',', ' '));
            }
            double fastest = 0;
            for (int c = 2; c < CONTENDERS.size(); c++) {
                fastest = Math.max(fastest, opsPerSecond[c]);
            }
            row.append(String.format(Locale.ROOT, " | %.2f× | %.2f× |", opsPerSecond[1] / fastest,
                    opsPerSecond[1] / opsPerSecond[0]));
            rows.add(row.toString());
        }
        System.out.println("| alg | floor | Sigil | nimbus-jose-jwt | jose4j | java-jwt | jjwt | Sigil / fastest library | Sigil / floor |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println("\nThread CPU time per verify (best of 7 rounds), and the ops/s it implies; '-': not supported.");
    }

    private static Check contender(String name, Fixture fixture) throws Exception {
        return switch (name) {
            case "floor" -> Floor.of(fixture);
            case "sigil" -> SigilCheck.of(fixture);
            case "nimbus" -> Libraries.nimbus(fixture);
            case "jose4j" -> Libraries.jose4j(fixture);
            case "auth0" -> fixture.alg() == Fixture.Alg.EdDSA ? null : Libraries.auth0(fixture);
            case "jjwt" -> Libraries.jjwt(fixture);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double bestNanosPerOp(Check check, String token, int perRound, long warmupNanos,
                                         ThreadMXBean threads) throws Exception {
        Object sink = null;
        long warmupEnd = System.nanoTime() + warmupNanos;
        while (System.nanoTime() < warmupEnd) {
            sink = check.verify(token);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                sink = check.verify(token);
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / (double) perRound);
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return best;
    }

    private static String ops(double ops) {
        return ops >= 10_000 ? String.format(Locale.ROOT, "%.0f k/s", ops / 1000)
                : String.format(Locale.ROOT, "%.2f k/s", ops / 1000);
    }
}
