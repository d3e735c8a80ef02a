package io.sigil.auth.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key files of one deployment are looked at together, verification files first. */
class ReloadScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void signingFileDue_verificationFileIsReadInTheSameCheck_andBeforeIt() throws IOException {
        ReloadSchedule schedule = new ReloadSchedule(INTERVAL, clock);
        List<String> reads = new ArrayList<>();
        // The signing file is opened first, so only the schedule can put the verification file first.
        ReloadingFile<String> signing = open("signing", "s1", schedule, true, reads);
        ReloadingFile<String> verification = open("verification", "v1", schedule, false, reads);
        reads.clear();

        write("verification", "v2");
        write("signing", "s2");
        clock.advance(INTERVAL);

        assertThat(signing.current()).isEqualTo("s2");
        assertThat(verification.last()).as("read in the check that the signing file triggered").isEqualTo("v2");
        assertThat(reads).containsExactly("verification=v2", "signing=s2");
    }

    @Test
    void beforeTheInterval_noFileIsLookedAt() throws IOException {
        ReloadSchedule schedule = new ReloadSchedule(INTERVAL, clock);
        List<String> reads = new ArrayList<>();
        ReloadingFile<String> verification = open("verification", "v1", schedule, false, reads);
        ReloadingFile<String> signing = open("signing", "s1", schedule, true, reads);

        write("verification", "v2");
        write("signing", "s2");
        clock.advance(INTERVAL.minusSeconds(1));

        assertThat(signing.current()).isEqualTo("s1");
        assertThat(verification.current()).isEqualTo("v1");
    }

    @Test
    void zeroInterval_neverLooksAgain() throws IOException {
        ReloadSchedule schedule = new ReloadSchedule(Duration.ZERO, clock);
        ReloadingFile<String> verification = open("verification", "v1", schedule, false, new ArrayList<>());

        write("verification", "v2");
        clock.advance(Duration.ofDays(1));

        assertThat(verification.current()).isEqualTo("v1");
    }

    private ReloadingFile<String> open(String name, String content, ReloadSchedule schedule, boolean signingFile,
                                       List<String> reads) throws IOException {
        Path file = write(name, content);
        Function<String, String> parser = text -> {
            reads.add(name + "=" + text);
            return text;
        };
        return new ReloadingFile<>(file, name, parser, Function.identity(), schedule, signingFile);
    }

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(dir, name, content);
    }
}
