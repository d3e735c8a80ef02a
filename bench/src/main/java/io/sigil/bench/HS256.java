package io.sigil.bench;

/** HS256: every contender, java-jwt included. */
public class HS256 extends WithJavaJwtBenchmark {

    @Override
    protected Fixture.Alg alg() {
        return Fixture.Alg.HS256;
    }
}
