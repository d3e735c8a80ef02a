package io.sigil.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link AsadminDomainContainer} with Arquillian when the Payara Server container is
 * launched ({@code arquillian.launch=payara-server}). Arquillian accepts exactly one
 * {@link DeployableContainer} on the classpath; the other targets' adapters are left out of the
 * Payara Server execution by Failsafe's {@code classpathDependencyExcludes}, and this class, which
 * lives among the tests, steps aside for them. Stateless.
 */
public class AsadminDomainExtension implements LoadableExtension {

    static final String QUALIFIER = "payara-server";

    @Override
    public void register(ExtensionBuilder builder) {
        if (QUALIFIER.equals(System.getProperty("arquillian.launch"))) {
            builder.service(DeployableContainer.class, AsadminDomainContainer.class);
        }
    }
}
