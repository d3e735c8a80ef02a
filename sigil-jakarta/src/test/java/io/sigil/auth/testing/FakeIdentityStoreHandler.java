package io.sigil.auth.testing;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** An IdentityStoreHandler that answers as the test says and records what it was asked. Not thread-safe. */
public final class FakeIdentityStoreHandler implements IdentityStoreHandler {

    private final Function<Credential, CredentialValidationResult> answer;
    private final List<Credential> asked = new ArrayList<>();

    /** @param answer the result for each credential */
    public FakeIdentityStoreHandler(Function<Credential, CredentialValidationResult> answer) {
        this.answer = answer;
    }

    /** @return a handler that must not be asked: it fails the test if it is */
    public static FakeIdentityStoreHandler unused() {
        return new FakeIdentityStoreHandler(credential -> {
            throw new AssertionError("the identity store handler was asked about " + credential);
        });
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        asked.add(credential);
        return answer.apply(credential);
    }

    /** @return every credential asked about, in order */
    public List<Credential> asked() {
        return List.copyOf(asked);
    }
}
