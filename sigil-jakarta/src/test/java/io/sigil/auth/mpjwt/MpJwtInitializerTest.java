package io.sigil.auth.mpjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.servlet.ServletException;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.junit.jupiter.api.Test;

class MpJwtInitializerTest {

    @LoginConfig(authMethod = "MP-JWT")
    static class MpJwtApplication {
    }

    @LoginConfig(authMethod = "BASIC")
    static class BasicApplication {
    }

    @Test
    void onStartup_mpJwtLoginConfigThatSigilNeverSaw_refusesToStartNamingTheClassAndTheRemedy() {
        // No CDI container here: Sigil's extension was not turned on, as in an archive whose
        // annotated class CDI does not discover.
        Throwable thrown = catchThrowable(() -> new MpJwtInitializer().onStartup(Set.of(MpJwtApplication.class), null));

        assertThat(thrown).isInstanceOf(ServletException.class)
                .hasMessageContaining(MpJwtApplication.class.getName())
                .hasMessageContaining("@io.sigil.auth.mechanism.SigilAuthentication");
    }

    @Test
    void onStartup_noMpJwtLoginConfig_leavesTheApplicationAlone() throws ServletException {
        new MpJwtInitializer().onStartup(Set.of(BasicApplication.class), null);
        new MpJwtInitializer().onStartup(null, null);
    }
}
