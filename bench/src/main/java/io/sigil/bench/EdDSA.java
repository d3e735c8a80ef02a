package io.sigil.bench;

/** Ed25519: java-jwt 4.6 has no EdDSA, so it is absent; nimbus needs Google Tink for it. */
public class EdDSA extends VerifyBenchmark {

    @Override
    protected Fixture.Alg alg() {
        return Fixture.Alg.EdDSA;
    }
}
