package io.sigil.auth.revocation;

import io.sigil.auth.config.SigilConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the server's distributed map by JNDI name, without compiling against any server's cache
 * classes. The name may point at a {@link ConcurrentMap} itself (an Infinispan cache on WildFly,
 * {@code java:jboss/infinispan/cache/<container>/<cache>}), or at a data grid instance that hands
 * out named maps through a public {@code getMap(String)} method (the Hazelcast instance Payara
 * binds at {@code payara/Hazelcast}; its {@code IMap} is a {@code ConcurrentMap}). Stateless.
 */
final class RevocationMaps {

    private RevocationMaps() {
    }

    /**
     * @param jndiName the JNDI name, from {@code sigil.revocation.cache}
     * @param mapName  the map to ask a data grid instance for, from {@code sigil.revocation.map}
     * @return the map
     * @throws SigilConfigurationException if nothing usable is bound there; the message names the key
     */
    @SuppressWarnings("unchecked")
    static ConcurrentMap<String, Long> lookUp(String jndiName, String mapName) {
        Object found;
        try {
            found = InitialContext.doLookup(jndiName);
        } catch (NamingException e) {
            throw new SigilConfigurationException(RevocationStoreProducer.CACHE_KEY + "=" + jndiName
                    + ": nothing is bound under that JNDI name (" + e.getClass().getSimpleName() + ")", e);
        }
        if (found instanceof ConcurrentMap<?, ?> map) {
            return (ConcurrentMap<String, Long>) resolved(map);
        }
        Method getMap = publicInterfaceMethod(found == null ? Object.class : found.getClass());
        if (getMap != null) {
            try {
                if (getMap.invoke(found, mapName) instanceof ConcurrentMap<?, ?> map) {
                    return (ConcurrentMap<String, Long>) map;
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new SigilConfigurationException(RevocationStoreProducer.CACHE_KEY + "=" + jndiName
                        + ": the data grid refused map " + mapName, e);
            }
        }
        throw new SigilConfigurationException(RevocationStoreProducer.CACHE_KEY + "=" + jndiName
                + " names neither a java.util.concurrent.ConcurrentMap nor a data grid with getMap(String)");
    }

    /**
     * WildFly binds a lazy wrapper (its {@code LazyCache}) that asks the cache container for the
     * cache again on every call (a new wrapper each time, media types parsed: in a JFR profile of
     * token requests the revocation check spent most of its time there) and hands the cache itself
     * out through {@link Supplier#get()}. The deployment depends on the cache (the reference
     * application's {@code resource-env-ref}; a plain JNDI lookup fails without such a dependency),
     * so the cache lives as long as the deployment: it is resolved once, here.
     *
     * @param map what is bound under the JNDI name
     * @return the map the wrapper stands for, or {@code map} itself if it is no such wrapper
     */
    static ConcurrentMap<?, ?> resolved(ConcurrentMap<?, ?> map) {
        if (map instanceof Supplier<?> lazy && lazy.get() instanceof ConcurrentMap<?, ?> target && target != map) {
            return target;
        }
        return map;
    }

    /** @return {@code getMap(String)} as declared by a public interface of the type, or null */
    private static Method publicInterfaceMethod(Class<?> type) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            pending.addAll(java.util.List.of(c.getInterfaces()));
        }
        while (!pending.isEmpty()) {
            Class<?> candidate = pending.poll();
            if (java.lang.reflect.Modifier.isPublic(candidate.getModifiers())) {
                try {
                    return candidate.getMethod("getMap", String.class);
                } catch (NoSuchMethodException e) {
                    pending.addAll(java.util.List.of(candidate.getInterfaces()));
                }
            }
        }
        return null;
    }
}
