package io.sigil.auth.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a map found by JNDI name is used: WildFly's lazy cache wrapper is resolved once. */
class RevocationMapsTest {

    /** Stands for WildFly's LazyCache: a map that hands out the map it forwards to. */
    private static final class LazyMap extends ConcurrentHashMap<String, Long> implements Supplier<ConcurrentMap<String, Long>> {
        private static final long serialVersionUID = 1L;
        private final ConcurrentMap<String, Long> target;

        LazyMap(ConcurrentMap<String, Long> target) {
            this.target = target;
        }

        @Override
        public ConcurrentMap<String, Long> get() {
            return target;
        }
    }

    /** A map that is also a supplier of something else. */
    private static final class SupplierOfText extends ConcurrentHashMap<String, Long> implements Supplier<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String get() {
            return "not a map";
        }
    }

    @Test
    void resolved_lazyWrapper_isTheMapItStandsFor() {
        ConcurrentMap<String, Long> cache = new ConcurrentHashMap<>();

        assertThat(RevocationMaps.resolved(new LazyMap(cache))).isSameAs(cache);
    }

    @Test
    void resolved_plainMap_isItself() {
        ConcurrentMap<String, Long> map = new ConcurrentHashMap<>();

        assertThat(RevocationMaps.resolved(map)).isSameAs(map);
    }

    @Test
    void resolved_mapSupplyingSomethingElse_isItself() {
        SupplierOfText map = new SupplierOfText();

        assertThat(RevocationMaps.resolved(map)).isSameAs(map);
    }
}
