/**
 * What operators see of Sigil: counters of the decisions it makes (tokens issued, accepted and
 * refused by reason, password logins, throttled logins, revocations, refresh token reuse) and the
 * state of the key ring. Start with {@link io.sigil.auth.metrics.SigilMetrics}, the counter set
 * the deciding classes increment (one {@code LongAdder} each, nothing else on the request path);
 * {@link io.sigil.auth.metrics.MetricsReport} renders them with the key ring's gauges in the
 * Prometheus text format ({@link io.sigil.auth.metrics.PrometheusText}), and
 * {@link io.sigil.auth.metrics.SigilHealth} says whether Sigil can work (a usable signing key, a
 * reachable revocation map). The names and labels of every metric are in {@code CounterFamily} and
 * {@code GaugeFamily}. Where the server has a metrics system of its own, a bridge publishes there
 * too: {@link io.sigil.auth.metrics.MicroProfileMetricsBridge} (Payara) and
 * {@link io.sigil.auth.metrics.MicrometerBridge} (WildFly's micrometer subsystem), each added only
 * where its API loads; without them the package needs only the JDK and Jakarta EE.
 */
package io.sigil.auth.metrics;
