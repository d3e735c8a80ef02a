package io.sigil.auth.cli;

/**
 * Entry point of {@code java -jar sigil-cli-<version>.jar}: runs {@link SigilCli} and exits with
 * its code. The jar carries everything it needs (the token core, the configuration reader, JSON-P
 * and its implementation, the MicroProfile Config API); no server jar has a {@code Main-Class}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs {@link SigilCli} and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(SigilCli.run(args, System.in, System.out, System.err, System.getenv()));
    }
}
