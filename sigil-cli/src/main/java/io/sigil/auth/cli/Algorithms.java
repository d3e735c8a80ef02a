package io.sigil.auth.cli;

import io.sigil.auth.token.JwsAlgorithm;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads an {@code --alg} value. Stateless. */
final class Algorithms {

    private Algorithms() {
    }

    /**
     * @param name the exact JOSE name
     * @return the algorithm
     * @throws UsageException for {@code none} or any unknown spelling, listing the known ones
     */
    static JwsAlgorithm parse(String name) throws UsageException {
        return JwsAlgorithm.fromJoseName(name).orElseThrow(() -> new UsageException("unknown --alg; use one of "
                + Arrays.stream(JwsAlgorithm.values()).map(JwsAlgorithm::joseName).collect(Collectors.joining(", "))));
    }
}
