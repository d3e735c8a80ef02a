package io.sigil.bench;

import org.openjdk.jmh.annotations.Benchmark;

/** The algorithms auth0 java-jwt supports too (it has no EdDSA). */
public abstract class WithJavaJwtBenchmark extends VerifyBenchmark {

    private Check auth0;

    @Override
    protected void setUpMore(Fixture fixture) {
        auth0 = Libraries.auth0(fixture).provenOn("auth0", fixture);
    }

    /** @return auth0 java-jwt */
    @Benchmark
    public Object auth0() throws Exception {
        return auth0.verify(token());
    }
}
