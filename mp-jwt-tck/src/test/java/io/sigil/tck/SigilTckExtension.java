package io.sigil.tck;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link SigilArchiveProcessor} and {@link JwksBaseUrl} with Arquillian (found through
 * META-INF/services). Stateless.
 */
public class SigilTckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, SigilArchiveProcessor.class);
        builder.observer(JwksBaseUrl.class);
    }
}
