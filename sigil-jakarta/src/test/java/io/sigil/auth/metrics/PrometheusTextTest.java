package io.sigil.auth.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text exposition format, version 0.0.4: HELP and TYPE lines, samples, escaping, names. */
class PrometheusTextTest {

    @Test
    void family_writesHelpThenTypeLine() {
        String text = new PrometheusText().family("sigil_x_total", "counter", "Things counted.").toString();

        assertThat(text).isEqualTo("# HELP sigil_x_total Things counted.\n# TYPE sigil_x_total counter\n");
    }

    @Test
    void family_helpWithBackslashAndNewline_isEscaped() {
        String text = new PrometheusText().family("m", "gauge", "a\\b\nc \"quoted\"").toString();

        assertThat(text).startsWith("# HELP m a\\\\b\\nc \"quoted\"\n");
    }

    @Test
    void sample_withoutLabels_isNameSpaceValue() {
        assertThat(new PrometheusText().sample("sigil_up", 1).toString()).isEqualTo("sigil_up 1\n");
    }

    @Test
    void sample_withLabels_keepsTheirOrder() {
        String text = new PrometheusText().sample("m_total", 42, "grant", "password", "node", "a").toString();

        assertThat(text).isEqualTo("m_total{grant=\"password\",node=\"a\"} 42\n");
    }

    @Test
    void sample_labelValueWithQuoteBackslashAndNewline_isEscaped() {
        String text = new PrometheusText().sample("m", 0, "l", "a\"b\\c\nd").toString();

        assertThat(text).isEqualTo("m{l=\"a\\\"b\\\\c\\nd\"} 0\n");
    }

    @Test
    void sample_numbers_areWrittenAsTheFormatSpellsThem() {
        assertThat(PrometheusText.number(3)).isEqualTo("3");
        assertThat(PrometheusText.number(-2)).isEqualTo("-2");
        assertThat(PrometheusText.number(0.5)).isEqualTo("0.5");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusText.number(Long.MAX_VALUE)).isEqualTo("9.223372036854776E18");
    }

    @Test
    void sample_invalidMetricOrLabelName_isRefused() {
        assertThatThrownBy(() -> new PrometheusText().sample("1abc", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrometheusText().sample("a-b", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrometheusText().sample("m", 1, "le:x", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PrometheusText().sample("m", 1, "label"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void family_unknownType_isRefused() {
        assertThatThrownBy(() -> new PrometheusText().family("m", "histogramm", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
