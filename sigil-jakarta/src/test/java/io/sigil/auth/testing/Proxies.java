package io.sigil.auth.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds the fakes of wide interfaces (a servlet request has some seventy methods) as
 * {@link Proxy proxies} that answer only the methods a test names. Any other method throws
 * {@link UnsupportedOperationException}, so a fake never answers with a made-up default. Stateless;
 * a fake is as thread-safe as its answers.
 */
public final class Proxies {

    /** What a fake does when one of its methods is called. */
    @FunctionalInterface
    public interface Answer {
        /**
         * @param args the call's arguments, empty for none
         * @return the method's result; ignored for a {@code void} method
         * @throws Throwable what the method throws
         */
        Object answer(Object[] args) throws Throwable;
    }

    private Proxies() {
    }

    /**
     * @param type    the interface to fake
     * @param answers the methods it answers, by name (every overload of that name)
     * @return the fake; {@code toString}, {@code equals} and {@code hashCode} behave as for any
     *         object unless named
     */
    public static <T> T of(Class<T> type, Map<String, Answer> answers) {
        String name = "Fake" + type.getSimpleName();
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] actual = args == null ? new Object[0] : args;
            Answer answer = answers.get(method.getName());
            if (answer != null) {
                return answer.answer(actual);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == actual[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> name;
                };
            }
            throw new UnsupportedOperationException(name + " does not answer " + method.getName());
        };
        return type.cast(Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
