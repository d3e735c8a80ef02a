package io.sigil.auth.cli;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a command may touch of the outside world: standard input, output and error, and the
 * environment. Tests pass their own. Not thread-safe; one per run.
 *
 * @param in  standard input
 * @param out standard output: results only
 * @param err standard error: warnings and reasons
 * @param env the environment variables
 */
record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

    /** The longest token or document read from standard input. */
    static final int MAX_INPUT = 1 << 20;

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(
            Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /**
     * The token from the single operand, or from standard input when there is none or it is
     * {@code -}; surrounding white space is removed.
     *
     * @throws UsageException if there is no token
     */
    String token(List<String> operands) throws UsageException {
        String token = operands.isEmpty() || operands.get(0).equals("-") ? readInput("the token") : operands.get(0);
        token = token.strip();
        if (token.isEmpty()) {
            throw new UsageException("no token given (as an argument or on standard input)");
        }
        return token;
    }

    /**
     * Reads all of standard input as UTF-8.
     *
     * @param what what is expected, for the message
     * @throws UsageException if it cannot be read or is too long
     */
    String readInput(String what) throws UsageException {
        try {
            byte[] bytes = in.readNBytes(MAX_INPUT + 1);
            if (bytes.length > MAX_INPUT) {
                throw new UsageException(what + " on standard input is longer than " + MAX_INPUT + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " from standard input");
        }
    }

    /** Prints a JSON document, indented, to standard output. */
    void printJson(JsonStructure json) {
        out.println(pretty(json));
    }

    static String pretty(JsonStructure json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.write(json);
        }
        return text.toString().strip();
    }
}
