package org.jobdeck.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import org.jobdeck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobdeck demo-data}, run as a user runs it. */
class DemoDataCommandTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private final String db = "jdbc:h2:mem:demo-cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void createsTheDatasetThenLeavesItAloneUnlessReset() {
        Result created = run("--db", db, "demo-data", "--users", "20", "--data-dir", dir.toString());
        assertThat(created.code()).isZero();
        assertThat(created.out().lines()).singleElement().asString()
                .startsWith("Created the demo dataset in jdbc:h2:mem:demo-cli-")
                .contains("20 users, 200 posts, ", "5 media files (1 orphaned, 2 corrupt)", dir.toString());

        Result again = run("--db", db, "demo-data", "--data-dir", dir.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).startsWith("Demo dataset already there: 20 users, 200 posts");

        Result conflicting = run("--db", db, "demo-data", "--users", "30");
        assertThat(conflicting.code()).isEqualTo(2);
        assertThat(conflicting.err().lines()).singleElement().asString()
                .startsWith("jobdeck: A demo dataset already exists (20 users) in jdbc:h2:mem:demo-cli-")
                .endsWith("; add --reset to replace it");

        Result reset = run("--db", db, "demo-data", "--users", "30", "--reset", "--data-dir", dir.toString());
        assertThat(reset.code()).isZero();
        assertThat(reset.out()).contains("30 users, 300 posts, ");
    }

    @Test
    void tooFewUsersIsAUsageError() {
        Result result = run("--db", db, "demo-data", "--users", "3");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("jobdeck: --users must be at least 10, got 3");
    }
}
