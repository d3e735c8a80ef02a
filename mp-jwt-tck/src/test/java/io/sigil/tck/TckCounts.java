package io.sigil.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.testng.IReporter;
import org.testng.ISuite;
import org.testng.ISuiteResult;
import org.testng.ITestContext;
import org.testng.xml.XmlSuite;

/**
 * Writes the counts of each TestNG {@code <test>} of the run (the TCK's {@code base-tests} and
 * {@code extended-tests}) to the file named by the system property {@code sigil.tck.counts}, as
 * {@code <test>.tests}, {@code .passed}, {@code .failures}, {@code .skipped}; the build prints them. Configuration
 * methods that failed count as failures. {@code <test>.unexpected} counts the classes with a
 * failed or skipped test that are not among the expected ones, and {@code .unexpected-classes}
 * names them. Used once per run by TestNG.
 */
public class TckCounts implements IReporter {

    /**
     * Classes whose failures are expected and explained in docs/microprofile-jwt.md (system
     * property {@code sigil.tck.expected-failures}, class names separated by spaces or commas).
     */
    private static final Set<String> EXPECTED = Set.of(System.getProperty("sigil.tck.expected-failures", "")
            .trim().split("[\\s,]+"));

    @Override
    public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String outputDirectory) {
        Properties counts = new Properties();
        for (ISuite suite : suites) {
            for (Map.Entry<String, ISuiteResult> entry : suite.getResults().entrySet()) {
                ITestContext context = entry.getValue().getTestContext();
                int passed = context.getPassedTests().size();
                int failed = context.getFailedTests().size() + context.getFailedButWithinSuccessPercentageTests().size()
                        + context.getFailedConfigurations().size();
                int skipped = context.getSkippedTests().size();
                counts.setProperty(entry.getKey() + ".tests", String.valueOf(passed + failed + skipped));
                counts.setProperty(entry.getKey() + ".passed", String.valueOf(passed));
                counts.setProperty(entry.getKey() + ".failures", String.valueOf(failed));
                counts.setProperty(entry.getKey() + ".skipped", String.valueOf(skipped));
                Set<String> outside = new TreeSet<>();
                Stream.of(context.getFailedTests(), context.getFailedButWithinSuccessPercentageTests(),
                        context.getFailedConfigurations(), context.getSkippedTests())
                        .flatMap(results -> results.getAllResults().stream())
                        .map(result -> result.getTestClass().getName())
                        .filter(name -> !EXPECTED.contains(name))
                        .forEach(outside::add);
                counts.setProperty(entry.getKey() + ".unexpected", String.valueOf(outside.size()));
                counts.setProperty(entry.getKey() + ".unexpected-classes", String.join(" ", outside));
            }
        }
        String file = System.getProperty("sigil.tck.counts");
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(Path.of(file))) {
            counts.store(out, "MicroProfile JWT TCK counts per <test>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
