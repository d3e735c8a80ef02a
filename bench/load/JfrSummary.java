import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording of a server under
 * load, as text, per component of the request path. Used by {@code bench/load/run.sh --profile}.
 *
 * <p>Three views: (1) <em>charged</em>: each sample goes to the innermost non-JDK frame of its
 * stack, so JDK code (collections, crypto, regex, locks) counts for the component that called it;
 * (2) <em>inclusive</em>: the share of samples whose stack contains the component at all;
 * (3) the hottest methods by charged samples, and the hottest Sigil methods inclusive.
 *
 * <p>usage: {@code java bench/load/JfrSummary.java RECORDING.jfr [TITLE]}; prints to stdout.
 * Only threads whose name contains "task" (WildFly's request workers) or "I/O" (its XNIO threads)
 * count; the other threads are summed up in one line.
 */
public final class JfrSummary {

    /** Component by class-name prefix, first match wins; the order puts specific before general. */
    private static final String[][] COMPONENTS = {
        {"io.sigil.", "Sigil"},
        {"org.wildfly.security.auth.jaspi", "Elytron JASPI bridge"},
        {"org.wildfly.security.", "Elytron (other)"},
        {"org.wildfly.elytron.", "Elytron (other)"},
        {"org.glassfish.soteria.", "Soteria (Jakarta Security)"},
        {"org.jboss.weld.", "Weld (CDI)"},
        {"org.jboss.resteasy.", "RESTEasy"},
        {"io.undertow.", "Undertow"},
        {"org.wildfly.extension.undertow.", "Undertow"},
        {"org.xnio.", "XNIO"},
        {"org.infinispan.", "Infinispan/clustering (sessions)"},
        {"org.wildfly.clustering.", "Infinispan/clustering (sessions)"},
        {"org.jgroups.", "JGroups"},
        {"org.eclipse.parsson.", "JSON-P (Parsson)"},
        {"org.glassfish.json.", "JSON-P (Parsson)"},
        {"com.fasterxml.", "Jackson"},
        {"org.eclipse.yasson.", "JSON-B (Yasson)"},
        {"org.jboss.as.", "WildFly (other)"},
        {"org.wildfly.", "WildFly (other)"},
        {"org.jboss.", "JBoss (other)"},
        {"io.smallrye.", "SmallRye"},
        {"java.", "JDK"},
        {"jdk.", "JDK"},
        {"sun.", "JDK"},
        {"com.sun.", "JDK"},
    };

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String title = args.length > 1 ? args[1] : file.getFileName().toString();
        Map<String, Integer> charged = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> hotMethods = new HashMap<>();
        Map<String, Integer> sigilMethods = new HashMap<>();
        Map<String, Integer> otherThreads = new HashMap<>();
        int requestSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            if (thread == null || !(thread.contains("task") || thread.contains("I/O"))) {
                otherThreads.merge(threadGroup(thread), 1, Integer::sum);
                continue;
            }
            requestSamples++;
            List<RecordedFrame> frames = stack.getFrames();
            String chargedTo = "JDK";
            String chargedMethod = method(frames.get(0));
            for (RecordedFrame frame : frames) {
                String component = component(frame);
                if (!component.equals("JDK")) {
                    chargedTo = component;
                    chargedMethod = method(frame);
                    break;
                }
            }
            charged.merge(chargedTo, 1, Integer::sum);
            hotMethods.merge(chargedTo + " | " + chargedMethod, 1, Integer::sum);
            Set<String> seen = new LinkedHashSet<>();
            Set<String> sigilSeen = new LinkedHashSet<>();
            for (RecordedFrame frame : frames) {
                seen.add(component(frame));
                if (component(frame).equals("Sigil")) {
                    sigilSeen.add(method(frame));
                }
            }
            seen.forEach(c -> inclusive.merge(c, 1, Integer::sum));
            sigilSeen.forEach(m -> sigilMethods.merge(m, 1, Integer::sum));
        }
        System.out.println("== " + title);
        System.out.println("request-thread CPU samples (worker 'task' + 'I/O' threads): " + requestSamples
                + "; other threads: " + otherThreads);
        print("charged to the innermost non-JDK frame (JDK work counts for its caller)", charged, requestSamples, 30);
        print("inclusive: samples whose stack contains the component", inclusive, requestSamples, 30);
        print("hottest methods (charged)", hotMethods, requestSamples, 25);
        print("Sigil methods, inclusive", sigilMethods, requestSamples, 25);
        System.out.println();
    }

    private static void print(String heading, Map<String, Integer> counts, int total, int limit) {
        System.out.println("-- " + heading);
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (Map.Entry<String, Integer> row : rows.subList(0, Math.min(limit, rows.size()))) {
            System.out.printf("%6.1f %%  %6d  %s%n", 100.0 * row.getValue() / Math.max(1, total), row.getValue(), row.getKey());
        }
    }

    private static String component(RecordedFrame frame) {
        String type = frame.getMethod() == null || frame.getMethod().getType() == null ? ""
                : frame.getMethod().getType().getName();
        for (String[] prefix : COMPONENTS) {
            if (type.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return type.isEmpty() ? "JDK" : "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static String threadGroup(String thread) {
        return thread == null ? "?" : thread.replaceAll("[0-9]+", "N");
    }
}
