package io.sigil.it.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * How {@link MicroProcessContainer} starts Payara Micro: the jar, the JVM and Micro options
 * (space-separated), the HTTP port the options give it, and the file that receives everything the
 * process prints. Filled by Arquillian from {@code arquillian.xml}; not thread-safe, read once.
 */
public class MicroProcessConfiguration implements ContainerConfiguration {

    private String microJar;
    private String javaHome = System.getProperty("java.home");
    private String jvmArgs = "";
    private String microArgs = "";
    private int httpPort;
    private String logFile;
    private int startupTimeoutInSeconds = 240;

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || !Files.isRegularFile(Path.of(microJar))) {
            throw new ConfigurationException("microJar must name the Payara Micro jar: " + microJar);
        }
        if (httpPort <= 0 || logFile == null) {
            throw new ConfigurationException("httpPort and logFile must be set");
        }
    }

    static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public String getJavaHome() {
        return javaHome;
    }

    public void setJavaHome(String javaHome) {
        this.javaHome = javaHome;
    }

    public String getJvmArgs() {
        return jvmArgs;
    }

    public void setJvmArgs(String jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    public String getMicroArgs() {
        return microArgs;
    }

    public void setMicroArgs(String microArgs) {
        this.microArgs = microArgs;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }
}
