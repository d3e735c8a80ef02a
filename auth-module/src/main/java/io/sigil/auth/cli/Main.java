package io.sigil.auth.cli;

/**
 * Entry point of {@code java -jar auth-module-<version>-cli.jar}. This class names no JSON-P
 * type, so that the plain {@code auth-module} jar (the server library, which carries no JSON-P
 * because the servers provide it) can say what to run instead of failing with a
 * {@code NoClassDefFoundError}.
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
        if (!jsonProcessingPresent()) {
            System.err.println("sigil: this is the server library jar, which does not carry JSON-P (the"
                    + " application server provides it). Run the command-line tool from"
                    + " auth-module-<version>-cli.jar, built next to it: java -jar auth-module-<version>-cli.jar help");
            System.exit(SigilCli.USAGE);
        }
        System.exit(SigilCli.run(args, System.in, System.out, System.err, System.getenv()));
    }

    private static boolean jsonProcessingPresent() {
        try {
            Class.forName("jakarta.json.Json", false, Main.class.getClassLoader());
            Class.forName("org.eclipse.microprofile.config.Config", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
