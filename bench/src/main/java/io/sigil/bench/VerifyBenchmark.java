package io.sigil.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verify + validate ({@code exp}, {@code iss}) of one token, single-threaded, in operations per
 * second. Each subclass is one algorithm; each {@code @Benchmark} method one contender. Every
 * contender is proven at set-up to accept the token and refuse it with a flipped signature bit.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class VerifyBenchmark {

    private String token;
    private Check floor;
    private Check sigil;
    private Check nimbus;
    private Check jose4j;
    private Check jjwt;

    /** @return the algorithm this class measures */
    protected abstract Fixture.Alg alg();

    /** @return the token every contender verifies */
    protected final String token() {
        return token;
    }

    /**
     * Creates the key and token and proves each contender.
     *
     * @throws Exception if a contender cannot be set up
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Fixture fixture = Fixture.create(alg());
        token = fixture.token();
        floor = Floor.of(fixture).provenOn("floor", fixture);
        sigil = SigilCheck.of(fixture).provenOn("sigil", fixture);
        nimbus = Libraries.nimbus(fixture).provenOn("nimbus", fixture);
        jose4j = Libraries.jose4j(fixture).provenOn("jose4j", fixture);
        jjwt = Libraries.jjwt(fixture).provenOn("jjwt", fixture);
        setUpMore(fixture);
    }

    /**
     * Sets up contenders that only some algorithms have.
     *
     * @param fixture the token and key
     */
    protected void setUpMore(Fixture fixture) {
    }

    /** @return base64url + one JDK primitive call */
    @Benchmark
    public Object floor() throws Exception {
        return floor.verify(token);
    }

    /** @return Sigil's TokenVerifier */
    @Benchmark
    public Object sigil() throws Exception {
        return sigil.verify(token);
    }

    /** @return nimbus-jose-jwt */
    @Benchmark
    public Object nimbus() throws Exception {
        return nimbus.verify(token);
    }

    /** @return jose4j */
    @Benchmark
    public Object jose4j() throws Exception {
        return jose4j.verify(token);
    }

    /** @return jjwt */
    @Benchmark
    public Object jjwt() throws Exception {
        return jjwt.verify(token);
    }
}
