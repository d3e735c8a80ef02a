package io.sigil.it.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Where the Payara Server domain that the build prepared and started can be reached: the
 * installation's {@code asadmin}, the admin port and the HTTP port, all on 127.0.0.1. Filled by
 * Arquillian from {@code arquillian.xml}; not thread-safe, read once by
 * {@link AsadminDomainContainer}.
 */
public class AsadminDomainConfiguration implements ContainerConfiguration {

    private String payaraHome;
    private int adminPort;
    private int httpPort;

    @Override
    public void validate() throws ConfigurationException {
        if (payaraHome == null || !Files.isExecutable(asadmin())) {
            throw new ConfigurationException("payaraHome must name an unpacked Payara Server: " + payaraHome);
        }
        if (adminPort <= 0 || httpPort <= 0) {
            throw new ConfigurationException("adminPort and httpPort must be set");
        }
    }

    /** @return the {@code bin/asadmin} script of the installation */
    Path asadmin() {
        return Path.of(payaraHome, "bin", "asadmin");
    }

    public String getPayaraHome() {
        return payaraHome;
    }

    public void setPayaraHome(String payaraHome) {
        this.payaraHome = payaraHome;
    }

    public int getAdminPort() {
        return adminPort;
    }

    public void setAdminPort(int adminPort) {
        this.adminPort = adminPort;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }
}
