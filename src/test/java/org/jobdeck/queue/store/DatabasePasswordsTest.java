package org.jobdeck.queue.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jobdeck.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No message, log line, exception text shown to a user, or remembered URL ever holds a database
 * password, in any form a URL may carry it. The password reaches the driver as a property, so not
 * even the driver's own messages can echo it.
 */
class DatabasePasswordsTest {
    private static final String SECRET = "s3cretA";
    /** An address where nothing listens: every connection is refused at once. */
    private static final String NOWHERE = "127.0.0.1:1";

    @TempDir
    Path dir;

    static List<Arguments> everyForm() {
        return List.of(
                Arguments.of("user info", "jdbc:postgresql://bob:" + SECRET + "@" + NOWHERE + "/x", SECRET),
                Arguments.of("user info, host that does not parse", "jdbc:postgresql://bob:" + SECRET + "@host/x", SECRET),
                Arguments.of("user info, percent-encoded", "jdbc:postgresql://bob:s3cret%41@" + NOWHERE + "/x", SECRET),
                Arguments.of("user info, bracket", "jdbc:postgresql://[bob:" + SECRET + "@" + NOWHERE + "/x", SECRET),
                Arguments.of("first query parameter", "jdbc:postgresql://" + NOWHERE + "/x?password=" + SECRET + "&user=bob", SECRET),
                Arguments.of("later query parameter", "jdbc:postgresql://" + NOWHERE + "/x?user=bob&password=" + SECRET, SECRET),
                Arguments.of("query parameter, any case", "jdbc:postgresql://" + NOWHERE + "/x?PassWord=" + SECRET, SECRET),
                Arguments.of("query parameter, percent-encoded", "jdbc:postgresql://" + NOWHERE + "/x?password=s3cret%41", SECRET),
                Arguments.of("ssl key password", "jdbc:postgresql://" + NOWHERE + "/x?sslpassword=" + SECRET, SECRET),
                Arguments.of("H2 setting", "jdbc:h2:tcp://" + NOWHERE + "/x;PASSWORD=" + SECRET, SECRET),
                Arguments.of("H2 setting, any case", "jdbc:h2:tcp://" + NOWHERE + "/x;user=sa;password=" + SECRET, SECRET),
                Arguments.of("unsupported database", "jdbc:mysql://bob:" + SECRET + "@" + NOWHERE + "/x", SECRET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    void theCliNamesTheDatabaseButNeverItsPassword(String form, String url, String secret) {
        for (boolean verbose : List.of(false, true)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of("--db", url, "runs"));
            if (verbose) {
                args.add(0, "--verbose");
            }
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            assertThat(code).isEqualTo(2);
            assertThat(out + err.toString()).as(form + (verbose ? ", --verbose" : ""))
                    .doesNotContain(secret).doesNotContain("s3cret%41").contains("***");
            if (!verbose) {
                assertThat(err.toString().lines()).as(form).hasSize(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    void aParsedUrlShowsAndRemembersNoPassword(String form, String url, String secret) {
        Throwable unsupported = catchThrowable(() -> DatabaseUrl.parse(url, null));
        if (unsupported != null) {
            assertThat(unsupported.getMessage()).doesNotContain(secret);
            return;
        }
        DatabaseUrl parsed = DatabaseUrl.parse(url, null);
        assertThat(parsed.jdbcUrl()).as("what the driver sees").doesNotContain(secret).doesNotContain("s3cret%41");
        assertThat(parsed.display()).doesNotContain(secret).contains("***");
        assertThat(parsed.toString()).doesNotContain(secret);
        assertThat(parsed.credentials().toString()).doesNotContain(secret);
        assertThat(parsed.credentials().secrets()).containsValue(secret);
        assertThat(DatabaseUrl.withoutPassword(url)).doesNotContain(secret).doesNotContain("s3cret%41");
        assertThat(parsed.redact("driver said: " + secret)).isEqualTo("driver said: ***");
        if (url.contains("s3cret%41")) {
            assertThat(parsed.redact("driver said: s3cret%41")).as("as it was written").isEqualTo("driver said: ***");
        }
    }

    @Test
    void aUserInfoUserBecomesTheDriversUser() {
        DatabaseUrl parsed = DatabaseUrl.parse("jdbc:postgresql://bob:" + SECRET + "@db.example:5432/jobs?ssl=true", null);
        assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/jobs?ssl=true");
        assertThat(parsed.connectionProperties()).containsEntry("user", "bob").containsEntry("password", SECRET);
        assertThat(DatabaseUrl.withoutPassword("jdbc:postgresql://bob:" + SECRET + "@db.example:5432/jobs?ssl=true"))
                .isEqualTo("jdbc:postgresql://bob@db.example:5432/jobs?ssl=true");
    }

    @Test
    void thePasswordFromTheEnvironmentComesSecondToTheUrls() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db/x", "fromEnv").connectionProperties())
                .containsEntry("password", "fromEnv");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db/x?password=fromUrl", "fromEnv").connectionProperties())
                .containsEntry("password", "fromUrl");
    }

    /**
     * A JVM of its own, so that what libraries print (the PostgreSQL driver logs through
     * java.util.logging, HikariCP and Flyway through SLF4J) is captured too.
     */
    @Test
    void nothingTheProcessPrintsHoldsThePassword() throws Exception {
        for (String url : List.of("jdbc:postgresql://bob:" + SECRET + "@host/x",
                "jdbc:postgresql://[bob:" + SECRET + "@" + NOWHERE + "/x")) {
            Path log = Files.createTempFile(dir, "cli", ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.jobdeck.cli.Main", "--verbose", "--db", url, "runs")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(log);
            assertThat(printed).as(url).contains("Cannot connect").doesNotContain(SECRET);
        }
    }
}
