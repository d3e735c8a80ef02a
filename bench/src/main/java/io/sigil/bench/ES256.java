package io.sigil.bench;

/** ES256: every contender, java-jwt included. */
public class ES256 extends WithJavaJwtBenchmark {

    @Override
    protected Fixture.Alg alg() {
        return Fixture.Alg.ES256;
    }
}
