package io.sigil.it;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the last HTTP response of a failed test, so a red build shows what the server said. */
final class LastResponseReporter implements TestWatcher {

    private HttpResponse<String> last;

    void remember(HttpResponse<String> response) {
        last = response;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (last != null) {
            System.err.printf("%s failed; last response: %s %s%nheaders: %s%nbody: %s%n",
                    context.getDisplayName(), last.request().method(), last.uri(), last.headers().map(),
                    last.body());
        }
    }
}
