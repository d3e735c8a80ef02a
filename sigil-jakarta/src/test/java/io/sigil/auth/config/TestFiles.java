package io.sigil.auth.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Key files for reload tests. */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Writes the file with a modification time at least a second after the previous one, so that
     * a change is seen whatever the file system's time resolution.
     */
    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        long before = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(before + 1000,
                Files.getLastModifiedTime(file).toMillis())));
        return file;
    }
}
