package io.sigil.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the token core free of the container: reads the constant pool of every compiled class of
 * {@code sigil-token} (the class names, descriptors and strings the byte code refers to) and
 * fails if one names a {@code jakarta.*} type other than JSON-P, or any MicroProfile type.
 */
class CoreDependenciesTest {

    /** {@code jakarta/x} or {@code jakarta.x}, except {@code jakarta.json}. */
    private static final Pattern FORBIDDEN =
            Pattern.compile("jakarta[/.](?!json[/.;])|org[/.]eclipse[/.]microprofile");
    private static final Pattern JSON_P = Pattern.compile("jakarta/json/");

    @Test
    void coreClasses_referToNoJakartaTypeButJsonP_andNoMicroProfileType() throws Exception {
        List<Path> classes = coreClasses();
        TreeSet<String> forbidden = new TreeSet<>();
        boolean sawJsonP = false;
        for (Path file : classes) {
            for (String constant : utf8Constants(file)) {
                if (FORBIDDEN.matcher(constant).find()) {
                    forbidden.add(file.getFileName() + ": " + constant);
                }
                sawJsonP |= JSON_P.matcher(constant).find();
            }
        }
        assertThat(classes).as("the core's compiled classes").hasSizeGreaterThan(20);
        assertThat(sawJsonP).as("the scan sees the core's JSON-P references").isTrue();
        assertThat(forbidden).isEmpty();
    }

    private static List<Path> coreClasses() throws URISyntaxException, IOException {
        Path root = Path.of(TokenVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS 4.4); every other entry is skipped. */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        try (InputStream raw = Files.newInputStream(classFile);
             DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            List<String> utf8 = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.add(in.readUTF());
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // a long or double takes two entries
                    }
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
            return utf8;
        }
    }
}
