package io.sigil.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers the Payara container of the launched target with Arquillian:
 * {@link AsadminDomainContainer} for {@code arquillian.launch=payara-server},
 * {@link MicroProcessContainer} for {@code payara-micro}, none otherwise. Arquillian accepts
 * exactly one {@link DeployableContainer}; the WildFly adapter is left out of the Payara
 * executions by Failsafe's {@code classpathDependencyExcludes}, and these classes, which live
 * among the tests, step aside for WildFly. Stateless.
 */
public class PayaraContainersExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        String launched = System.getProperty("arquillian.launch", "");
        if (launched.equals("payara-server")) {
            builder.service(DeployableContainer.class, AsadminDomainContainer.class);
        } else if (launched.equals("payara-micro")) {
            builder.service(DeployableContainer.class, MicroProcessContainer.class);
        }
    }
}
