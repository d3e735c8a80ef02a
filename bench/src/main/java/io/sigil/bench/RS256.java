package io.sigil.bench;

/** RS256: every contender, java-jwt included. */
public class RS256 extends WithJavaJwtBenchmark {

    @Override
    protected Fixture.Alg alg() {
        return Fixture.Alg.RS256;
    }
}
