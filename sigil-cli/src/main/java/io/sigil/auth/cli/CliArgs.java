package io.sigil.auth.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options and operands of one command: {@code --name value}, {@code --name=value},
 * {@code --flag}, and positional operands; {@code --} ends the options. Each option may be given
 * once. Not thread-safe; used by one command run.
 */
final class CliArgs {

    private final Map<String, String> values = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    private CliArgs() {
    }

    /**
     * Parses the arguments after the command name.
     *
     * @param args        the arguments
     * @param withValue   option names (without {@code --}) that take a value
     * @param flags       option names that take none
     * @return the parsed arguments
     * @throws UsageException for an unknown, repeated or incomplete option
     */
    static CliArgs parse(List<String> args, Set<String> withValue, Set<String> flags) throws UsageException {
        CliArgs parsed = new CliArgs();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                parsed.operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (withValue.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --" + name + " takes no value");
                }
                value = "";
            } else {
                throw new UsageException("unknown option --" + name);
            }
            if (parsed.values.put(name, value) != null) {
                throw new UsageException("option --" + name + " is given twice");
            }
        }
        return parsed;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> operands() {
        return operands;
    }

    /** @throws UsageException if more than {@code max} operands were given */
    void maxOperands(int max) throws UsageException {
        if (operands.size() > max) {
            // The extra argument is not echoed: it may be a token or a secret pasted in the wrong place.
            throw new UsageException("too many arguments (at most " + max + ")");
        }
    }
}
