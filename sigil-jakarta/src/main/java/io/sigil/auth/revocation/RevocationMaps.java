package io.sigil.auth.revocation;

import io.sigil.auth.config.SigilConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentMap;
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
            return (ConcurrentMap<String, Long>) map;
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
