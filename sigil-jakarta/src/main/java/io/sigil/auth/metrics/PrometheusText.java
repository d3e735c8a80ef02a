package io.sigil.auth.metrics;

import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format, version 0.0.4: per metric family a
 * {@code # HELP} and a {@code # TYPE} line, then one line per sample, {@code name{label="value"} number}.
 * HELP text escapes {@code \} and line feeds; label values escape {@code \}, {@code "} and line
 * feeds; names are checked against the format's grammar. Not thread-safe: one instance per scrape.
 */
public final class PrometheusText {

    /** The media type of the format. */
    public static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final StringBuilder out = new StringBuilder(2048);

    /**
     * Starts a metric family.
     *
     * @param name the family's name
     * @param type {@code counter}, {@code gauge} or {@code untyped}
     * @param help one sentence about it
     * @return this writer
     * @throws IllegalArgumentException if the name or the type is not allowed by the format
     */
    public PrometheusText family(String name, String type, String help) {
        checkName(METRIC_NAME, name);
        if (!type.equals("counter") && !type.equals("gauge") && !type.equals("untyped")) {
            throw new IllegalArgumentException("unsupported metric type " + type);
        }
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /**
     * Writes one sample.
     *
     * @param name            the sample's name (the family's, or with a suffix such as {@code _total})
     * @param value           its value
     * @param labelsAndValues label names and values, alternating
     * @return this writer
     * @throws IllegalArgumentException if a name is not allowed or a label has no value
     */
    public PrometheusText sample(String name, double value, String... labelsAndValues) {
        checkName(METRIC_NAME, name);
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a label without a value");
        }
        out.append(name);
        if (labelsAndValues.length > 0) {
            out.append('{');
            for (int i = 0; i < labelsAndValues.length; i += 2) {
                checkName(LABEL_NAME, labelsAndValues[i]);
                out.append(i == 0 ? "" : ",").append(labelsAndValues[i]).append("=\"")
                        .append(escapeLabelValue(labelsAndValues[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** @return the text written so far */
    @Override
    public String toString() {
        return out.toString();
    }

    /** @return HELP text with {@code \} and line feeds escaped */
    static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** @return a label value with {@code \}, {@code "} and line feeds escaped */
    static String escapeLabelValue(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** @return whole numbers without a decimal point; NaN and infinities as the format spells them */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static void checkName(Pattern grammar, String name) {
        if (name == null || !grammar.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid name in the Prometheus format: " + name);
        }
    }
}
