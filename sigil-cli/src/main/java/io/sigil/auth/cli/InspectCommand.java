package io.sigil.auth.cli;

import io.sigil.auth.token.InvalidTokenException;
import io.sigil.auth.token.JweDecryptor;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code inspect}: decodes a token's header and claims WITHOUT checking anything, for debugging.
 * The output says {@code "verified": false}, and standard error says so in words. An encrypted
 * token (JWE) is decrypted with {@code --decrypt-key} and its content, the signed token, shown with
 * the outer header as {@code encryptedHeader}; without the key only that header is shown. Stateless.
 */
final class InspectCommand {

    static final String NOT_VERIFIED = "NOT VERIFIED: decoded only; the signature, the issuer, the audience"
            + " and the expiry were not checked. Use 'verify' to trust a token.";

    private InspectCommand() {
    }

    static int run(List<String> arguments, Terminal terminal) throws UsageException {
        CliArgs args = CliArgs.parse(arguments, CliEncryption.VERIFY_OPTIONS, Set.of());
        args.maxOperands(1);
        String token = terminal.token(args.operands());
        String[] parts = token.split("\\.", -1);
        JsonObject encryptedHeader = null;
        if (parts.length == 5) {
            try {
                encryptedHeader = object(parts[0], "encrypted token's header");
            } catch (Undecodable e) {
                terminal.err().println("sigil inspect: " + e.getMessage());
                return SigilCli.REFUSED;
            }
            Optional<JweDecryptor> decryptor = CliEncryption.decryptor(args, Integer.MAX_VALUE, terminal);
            if (decryptor.isEmpty()) {
                terminal.err().println("sigil inspect: an encrypted token (JWE); give --decrypt-key FILE to read it");
                terminal.printJson(Json.createObjectBuilder().add("verified", false)
                        .add("encryptedHeader", encryptedHeader).build());
                return SigilCli.REFUSED;
            }
            try {
                token = new String(decryptor.get().decrypt(token).plaintext(), StandardCharsets.US_ASCII);
            } catch (InvalidTokenException e) {
                terminal.err().println("sigil inspect: cannot decrypt: " + e.reason());
                return SigilCli.REFUSED;
            }
            parts = token.split("\\.", -1);
        }
        if (parts.length != 3) {
            terminal.err().println("sigil inspect: not a JWS compact token: " + parts.length + " parts instead of 3");
            return SigilCli.REFUSED;
        }
        JsonObject header;
        JsonObject claims;
        int signatureLength;
        try {
            header = object(parts[0], "header");
            claims = object(parts[1], "claims");
            signatureLength = Base64.getUrlDecoder().decode(parts[2]).length;
        } catch (Undecodable e) {
            terminal.err().println("sigil inspect: " + e.getMessage());
            return SigilCli.REFUSED;
        } catch (IllegalArgumentException e) {
            terminal.err().println("sigil inspect: the signature is not base64url");
            return SigilCli.REFUSED;
        }
        JsonObjectBuilder times = Json.createObjectBuilder();
        for (String name : List.of("iat", "nbf", "exp")) {
            JsonValue value = claims.get(name);
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    times.add(name, Instant.ofEpochSecond(number.longValueExact()).toString());
                } catch (ArithmeticException | java.time.DateTimeException e) {
                    times.add(name, "out of range");
                }
            }
        }
        JsonObjectBuilder report = Json.createObjectBuilder()
                .add("verified", false)
                .add("warning", NOT_VERIFIED);
        if (encryptedHeader != null) {
            report.add("encryptedHeader", encryptedHeader);
        }
        report.add("header", header)
                .add("claims", claims)
                .add("times", times)
                .add("signatureBytes", signatureLength);
        terminal.err().println("sigil inspect: " + NOT_VERIFIED);
        terminal.printJson(report.build());
        return SigilCli.OK;
    }

    private static JsonObject object(String part, String name) throws Undecodable {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new Undecodable("the " + name + " is not base64url");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable("the " + name + " is not UTF-8");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Undecodable("the " + name + " is not a JSON object");
        }
    }

    /** A part that cannot be decoded; its message names the part, never its content. */
    private static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message, null, false, false);
        }
    }
}
