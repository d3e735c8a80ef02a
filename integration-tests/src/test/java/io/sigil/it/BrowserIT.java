package io.sigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser flows in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}) against the real server in cookie mode with 15-second access tokens:
 * the sign-in page and its error state, the account page, the single-page demo that signs in,
 * calls the API and refreshes silently past the token's lifetime, sign-out, and a cross-site form
 * post that must change nothing. The application is opened as {@code localhost}, the attacker's
 * page as {@code 127.0.0.1}: two different sites. Screenshots go to {@code sigil.it.screenshots}.
 * Runs only on the server the Failsafe execution {@code it-wildfly-browser} starts.
 */
@EnabledIfSystemProperty(named = "sigil.it.browser", matches = "true")
class BrowserIT extends SigilITBase {

    private static final String APP = BASE.replace("://127.0.0.1:", "://localhost:");
    private static final long LIFETIME = Long.getLong("sigil.it.token-lifetime-seconds", 15);
    private static final Path SHOTS = Path.of(System.getProperty("sigil.it.screenshots", "target/browser-screenshots"));

    private static HttpServer attacker;
    private ChromeDriver browser;
    private Path profile;
    private String test;

    @BeforeAll
    static void startAttackerSite() throws IOException {
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/evil.html", exchange -> {
            byte[] page = ("<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\"" + APP
                    + "/api/auth/logout?everywhere=true\"><input name=\"x\" value=\"1\"></form>"
                    + "<script>document.getElementById('f').submit()</script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
    }

    @AfterAll
    static void stopAttackerSite() {
        attacker.stop(0);
    }

    @BeforeEach
    void openBrowser(TestInfo info) throws IOException {
        test = info.getTestMethod().orElseThrow().getName();
        profile = Files.createTempDirectory("sigil-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("sigil.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1000,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("sigil.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void signInPage_wrongThenRightPassword_showsTheErrorThenTheAccountPage() throws IOException {
        browser.get(APP + "/account");
        wait(ExpectedConditions.urlContains("/login"));
        signIn("alice", "not-the-password");
        // The click does not wait for the answer's page: wait for the error to be shown.
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).isEqualTo("Invalid user name or password.");
        screenshot("sign-in-error");

        signIn("alice", "alice-password");
        wait(ExpectedConditions.urlContains("/account"));
        assertThat(text("name")).isEqualTo("alice");
        assertThat(text("groups")).isEqualTo("admin, user");
        assertThat(text("method")).isEqualTo("a token in a cookie");
        assertThat(text("expires")).endsWith("Z");
        assertThat(browser.manage().getCookieNamed("__Host-sigil-access")).as("the access cookie").isNotNull();
        assertThat(browser.manage().getCookieNamed("__Host-sigil-access").isHttpOnly()).isTrue();
        assertThat(browser.manage().getCookieNamed("__Host-sigil-access").isSecure()).isTrue();
        assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("cookie mode keeps no session").isNull();
        screenshot("account");
    }

    @Test
    void crossSiteFormPost_changesNothing() throws IOException {
        browser.get(APP + "/login");
        signIn("bob", "bob-password");
        wait(ExpectedConditions.urlContains(APP.substring(APP.indexOf("://") + 3)));

        browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/evil.html");
        wait(driver -> driver.getCurrentUrl().contains("/api/auth/logout"));
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at io.");
        screenshot("cross-site-post");

        browser.get(APP + "/account");
        wait(ExpectedConditions.urlContains("/account"));
        assertThat(text("name")).as("still signed in after the cross-site post").isEqualTo("bob");
    }

    @Test
    void signOut_fromTheAccountPage_endsTheSignIn() throws IOException {
        browser.get(APP + "/login?next=/app/account");
        signIn("bob", "bob-password");
        wait(ExpectedConditions.urlContains("/account"));
        browser.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.urlContains("/login"));
        assertThat(browser.manage().getCookieNamed("__Host-sigil-access")).as("cleared").isNull();
        screenshot("signed-out");

        browser.get(APP + "/account");
        wait(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void singlePageDemo_signsInCallsTheApiRefreshesPastTheLifetimeAndSignsOut() throws IOException {
        browser.get(APP + "/spa/");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.findElement(By.id("username")).sendKeys("alice");
        browser.findElement(By.id("password")).sendKeys("alice-password");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in")));
        assertThat(text("name")).isEqualTo("alice");
        assertThat(text("method")).isEqualTo("token");
        screenshot("spa-signed-in");

        // Past the access token's lifetime: the page has refreshed it on its own.
        new WebDriverWait(browser, Duration.ofSeconds(LIFETIME * 3))
                .until(driver -> Integer.parseInt(content("refreshes")) >= 2);
        browser.findElement(By.id("call-api")).click();
        wait(driver -> Integer.parseInt(content("calls")) >= 2);
        assertThat(text("name")).isEqualTo("alice");
        screenshot("spa-refreshed");

        browser.findElement(By.id("sign-out")).click();
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.get(APP + "/account");
        wait(ExpectedConditions.urlContains("/login"));
    }

    private void signIn(String user, String password) {
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("#sign-in button")).click();
    }

    /** The element's text even while it is hidden (Selenium's getText is empty then). */
    private String content(String id) {
        return browser.findElement(By.id(id)).getAttribute("textContent");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private <T> void wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SHOTS.resolve(test + "-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
