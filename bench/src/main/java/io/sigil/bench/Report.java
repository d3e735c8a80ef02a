package io.sigil.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json}) of the verify benchmarks into a markdown table:
 * ops/s per algorithm and contender, then Sigil / fastest library and Sigil / floor (both as
 * throughput ratios: 3.0 means three times as many verifications per second; 0.5 means half).
 * Stateless; run as {@code java -cp benchmarks.jar io.sigil.bench.Report results.json}.
 */
public final class Report {

    private static final List<String> ALGS = List.of("HS256", "RS256", "ES256", "EdDSA");
    private static final List<String> LIBRARIES = List.of("nimbus", "jose4j", "auth0", "jjwt");

    private Report() {
    }

    /**
     * Prints the table to standard output.
     *
     * @param args the JMH JSON result file
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report <jmh-result.json>");
            System.exit(2);
        }
        Map<String, Map<String, double[]>> scores = read(Path.of(args[0]));
        StringBuilder out = new StringBuilder();
        out.append("| alg | floor | Sigil | nimbus-jose-jwt | jose4j | java-jwt | jjwt | Sigil / fastest library | Sigil / floor |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String alg : ALGS) {
            Map<String, double[]> row = scores.get(alg);
            if (row == null) {
                continue;
            }
            out.append("| ").append(alg);
            for (String contender : List.of("floor", "sigil", "nimbus", "jose4j", "auth0", "jjwt")) {
                out.append(" | ").append(cell(row.get(contender)));
            }
            double fastest = LIBRARIES.stream().map(row::get).filter(s -> s != null)
                    .mapToDouble(s -> s[0]).max().orElse(Double.NaN);
            double sigil = row.containsKey("sigil") ? row.get("sigil")[0] : Double.NaN;
            double floor = row.containsKey("floor") ? row.get("floor")[0] : Double.NaN;
            out.append(" | ").append(ratio(sigil / fastest)).append(" | ").append(ratio(sigil / floor)).append(" |\n");
        }
        out.append("\nops/s, one thread, ± JMH's 99.9 % confidence half-width as a share of the score;"
                + " '-': the library has no such algorithm. Ratios are of throughputs.\n");
        System.out.print(out);
    }

    private static Map<String, Map<String, double[]>> read(Path file) throws IOException {
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader json = Json.createReader(reader)) {
            JsonArray results = json.readArray();
            for (JsonValue value : results) {
                JsonObject result = value.asJsonObject();
                String[] name = result.getString("benchmark").split("\\.");
                String alg = name[name.length - 2];
                String contender = name[name.length - 1];
                JsonObject metric = result.getJsonObject("primaryMetric");
                double error = metric.get("scoreError").getValueType() == JsonValue.ValueType.NUMBER
                        ? metric.getJsonNumber("scoreError").doubleValue() : Double.NaN;
                scores.computeIfAbsent(alg, a -> new LinkedHashMap<>())
                        .put(contender, new double[] {metric.getJsonNumber("score").doubleValue(), error});
            }
        }
        return scores;
    }

    private static String cell(double[] score) {
        if (score == null) {
            return "-";
        }
        String error = Double.isNaN(score[1]) ? "" : " ± " + Math.round(100 * score[1] / score[0]) + " %";
        return ops(score[0]) + error;
    }

    private static String ops(double ops) {
        if (ops >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f k", ops / 1000).replace(',', ' ');
        }
        return String.format(Locale.ROOT, "%.2f k", ops / 1000);
    }

    private static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
