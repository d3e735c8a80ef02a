package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The log of the server under test, named by the system property {@code sigil.it.server-log}
 * that each target's Failsafe execution sets (WildFly's {@code standalone/log/server.log}, the
 * Payara domain's {@code logs/server.log}, all that the Payara Micro process printed). Rotated
 * files beside it (the same name plus a suffix) count too. Stateless.
 */
final class ServerLog {

    private static final String PROPERTY = "sigil.it.server-log";
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private ServerLog() {
    }

    /** @return whether the build named a server log (it does for every target; an IDE may not) */
    static boolean configured() {
        return System.getProperty(PROPERTY) != null;
    }

    /** @return the whole text of the log and its rotated siblings; fails if there is none */
    static String readAll() throws IOException {
        List<Path> files = files();
        assertThat(files).as("server log %s and its siblings", System.getProperty(PROPERTY)).isNotEmpty();
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        return text.toString();
    }

    /** @return the current size of the live log file, to pass to {@link #writtenSince} later */
    static long size() throws IOException {
        return Files.size(live());
    }

    /**
     * Waits until the server has stopped writing to its log (a quiet second; Payara writes from
     * a queue, so the lines of a request can land just after its answer), then returns what was
     * written after {@code offset}.
     */
    static String writtenSince(long offset) throws IOException, InterruptedException {
        Path live = live();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long size = Files.size(live);
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET.toMillis());
            long now = Files.size(live);
            if (now == size) {
                break;
            }
            size = now;
        }
        try (InputStream in = Files.newInputStream(live)) {
            in.skipNBytes(Math.min(offset, size));
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Path live() {
        Path live = Path.of(System.getProperty(PROPERTY));
        assertThat(live).as("server log").exists();
        return live;
    }

    private static List<Path> files() throws IOException {
        Path named = Path.of(System.getProperty(PROPERTY));
        Path directory = named.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        String prefix = named.getFileName().toString();
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> !p.getFileName().toString().endsWith(".lck"))
                    .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }
}
