package io.sigil.auth.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where keys come from and go to: files, and {@code env:NAME} for a secret held in an
 * environment variable. A secret file is created new and owner-only. Messages name the file,
 * never its content. Stateless.
 */
final class KeyFiles {

    /** The longest key file read. */
    private static final int MAX_KEY_FILE = 1 << 20;

    private KeyFiles() {
    }

    /**
     * Writes a secret to a new owner-only file, or to standard output when no file is given.
     *
     * @throws UsageException if the file exists or cannot be written
     */
    static void writeSecret(Optional<String> file, String text, Terminal terminal) throws UsageException {
        if (file.isEmpty()) {
            terminal.out().println(text);
            return;
        }
        Path path = Path.of(file.get());
        try {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
            Files.writeString(path, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(file.get() + " exists; keygen never overwrites a key");
        } catch (IOException e) {
            throw new UsageException("cannot write " + file.get());
        }
    }

    /** Writes a public key document, replacing the file. */
    static void writePublic(String file, String text) throws UsageException {
        try {
            Files.writeString(Path.of(file), text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file);
        }
    }

    /**
     * Reads a key: {@code env:NAME} reads the environment variable NAME, anything else is a file.
     *
     * @throws UsageException if it is missing, unreadable or too long
     */
    static String read(String source, Terminal terminal) throws UsageException {
        if (source.startsWith("env:")) {
            String name = source.substring(4);
            String value = terminal.env().get(name);
            if (value == null || value.isBlank()) {
                throw new UsageException("environment variable " + name + " is not set");
            }
            return value;
        }
        Path path = Path.of(source);
        try {
            if (Files.size(path) > MAX_KEY_FILE) {
                throw new UsageException(source + " is too large for a key");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + source);
        }
    }
}
