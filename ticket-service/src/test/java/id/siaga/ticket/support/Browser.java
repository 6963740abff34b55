package id.siaga.ticket.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven by Selenium: Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (never a downloaded driver), a fresh profile per run, and screenshots saved under
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots and printed PDFs go. */
    public static final Path ARTIFACTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;
    private final String base;

    private Browser(String base) throws IOException {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.profile = Files.createTempDirectory("siaga-chromium-");
        this.downloads = Files.createTempDirectory("siaga-downloads-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        this.driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(ARTIFACTS);
    }

    /** Starts a browser for the application at the base URL. */
    public static Browser start(String base) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (./test.sh installs them)");
        }
        try {
            return new Browser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the application. */
    public void open(String path) {
        driver.get(base + path);
    }

    /** @return the path (and query) of the current page */
    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** @return the visible text of the page */
    public String text() {
        return find("body").getText();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits until the next page has loaded. */
    public void clickAndWait(WebElement element) {
        WebElement html = find("html");
        element.click();
        wait(Duration.ofSeconds(15)).until(d -> gone(html));
        wait(Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * @return whether the element belongs to a page that was left; Chromium sometimes answers a question about such
     *         an element with an "unknown error" (the node does not belong to the document) rather than a stale one
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks the button whose text is exactly this, and waits for the next page. */
    public void clickButton(String text) {
        clickAndWait(driver.findElement(By.xpath("//button[normalize-space(.)=" + xpathLiteral(text) + "]")));
    }

    /** Follows the link whose text is exactly this. */
    public void clickLink(String text) {
        clickAndWait(driver.findElement(By.xpath("//a[normalize-space(.)=" + xpathLiteral(text) + "]")));
    }

    public WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Signs in through the form; the board opens. */
    public void signIn(String username, String password) {
        open("/masuk");
        driver.manage().deleteAllCookies();
        open("/masuk");
        type("#username", username);
        type("#password", password);
        clickAndWait(find("form[action='/j_security_check'] button[type='submit']"));
    }

    /** Signs out with the header's button. */
    public void signOut() {
        clickAndWait(find("form[action='/keluar'] button"));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 140, 600), 6000)));
        try {
            Path file = ARTIFACTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Prints the page to an A4 PDF as Chromium would, saved as {@code target/screenshots/<name>.pdf}. */
    public Path printA4(String name) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        try {
            Path file = ARTIFACTS.resolve(name + ".pdf");
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a file the browser downloaded, once it is complete */
    public Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        wait(Duration.ofSeconds(15)).until(d -> Files.exists(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        return file;
    }

    /** @return the names of visible form fields on the page that have no label (there should be none) */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields() {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                               && !e.getAttribute('aria-labelledby'))
                  .map(e => e.name || e.id || e.outerHTML);""");
    }

    /** @return the value of a cookie the browser holds for the application */
    public String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }
}
