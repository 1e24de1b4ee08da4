package org.jobdeck.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT count(*), max(updated_at) FROM users",
            "select 1;",
            "  -- fingerprint\n  SELECT md5(string_agg(name, ',')) FROM interests;  -- done\n",
            "/* users */ SELECT count(*) FROM users /* and */",
            "WITH recent AS (SELECT id FROM users WHERE created_at > now() - interval '1 day') SELECT count(*) FROM recent",
            "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT sum(n) FROM t",
            "SELECT 'DELETE FROM users; DROP TABLE x' AS harmless",
            "SELECT 'it''s; fine' FROM dual",
            "SELECT \"update\", \"delete\" FROM \"insert\"",
            "(SELECT max(id) FROM users)",
            "SELECT replace(name, 'a', 'b') FROM users",
            "SELECT updated_at, inserted_by, deleted FROM users",
    })
    void acceptsOneReadingStatement(String sql) {
        assertThatCode(() -> SqlProbe.of(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            DELETE FROM users                                    | Invalid condition SQL: it must be a single SELECT, but begins with DELETE
            UPDATE users SET x = 1                               | Invalid condition SQL: it must be a single SELECT, but begins with UPDATE
            VALUES (1)                                           | Invalid condition SQL: it must be a single SELECT, but begins with VALUES
            EXPLAIN SELECT 1                                     | Invalid condition SQL: it must be a single SELECT, but begins with EXPLAIN
            SELECT 1; SELECT 2                                   | Invalid condition SQL: it must be a single SELECT, but has a second statement after the ; at line 1, column 9
            SELECT 1; DROP TABLE users                           | Invalid condition SQL: it must be a single SELECT, but has a second statement after the ; at line 1, column 9
            SELECT 1;;                                           | Invalid condition SQL: it must be a single SELECT, but has a second statement after the ; at line 1, column 9
            WITH d AS (DELETE FROM users RETURNING id) SELECT 1  | Invalid condition SQL: it must be a single SELECT, but has DELETE at line 1, column 12
            SELECT * INTO backup FROM users                      | Invalid condition SQL: it must be a single SELECT, but has INTO at line 1, column 10
            SELECT * FROM users FOR UPDATE                       | Invalid condition SQL: it must be a single SELECT, but has UPDATE at line 1, column 25
            SELECT nextval('seq')                                | Invalid condition SQL: it must be a single SELECT, but has NEXTVAL at line 1, column 8
            SELECT pg_advisory_lock(1)                           | Invalid condition SQL: it must be a single SELECT, but has PG_ADVISORY_LOCK at line 1, column 8
            SELECT lo_export(1, '/tmp/x')                        | Invalid condition SQL: it must be a single SELECT, but has LO_EXPORT at line 1, column 8
            SELECT CSVWRITE('/tmp/x', 'SELECT 1')                | Invalid condition SQL: it must be a single SELECT, but has CSVWRITE at line 1, column 8
            SELECT 'open                                         | Invalid condition SQL: the string at line 1, column 8 is not closed
            SELECT "open                                         | Invalid condition SQL: the quoted identifier at line 1, column 8 is not closed
            SELECT 1 /* open                                     | Invalid condition SQL: the comment at line 1, column 10 is not closed
            -- only a comment                                    | Invalid condition SQL: it has only comments; write one SELECT
            ;                                                    | Invalid condition SQL: it must be a single SELECT, but begins with ;
            """)
    void refusesAnythingButOneSelect(String sql, String message) {
        assertThatThrownBy(() -> SqlProbe.of(sql)).isInstanceOf(ScheduleException.class).hasMessage(message)
                .satisfies(e -> assertThat(((ScheduleException) e).field()).isEqualTo(ScheduleField.CONDITION));
    }

    @Test
    void aWithWithoutASelectIsRefused() {
        assertThatThrownBy(() -> SqlProbe.of("WITH x AS (VALUES (1)) VALUES (2)"))
                .hasMessage("Invalid condition SQL: it must be a single SELECT, but its WITH has no SELECT");
    }

    @Test
    void aNestedCommentIsEndedAtItsFirstCloseSoItsTailIsChecked() {
        // PostgreSQL nests comments, H2 does not: H2 would run the DELETE, so it is refused.
        assertThatThrownBy(() -> SqlProbe.of("SELECT 1 /* a /* b */ ; DELETE FROM users */"))
                .hasMessageContaining("second statement");
    }

    @Test
    void dollarQuotesAreCheckedAsCode() {
        assertThatThrownBy(() -> SqlProbe.of("SELECT $$ DELETE $$")).hasMessageContaining("has DELETE");
    }

    @Test
    void errorsGiveLineAndColumn() {
        assertThatThrownBy(() -> SqlProbe.of("SELECT id\nFROM users\n  WHERE id IN (SELECT nextval('s'))"))
                .hasMessageEndingWith("has NEXTVAL at line 3, column 23");
    }

    @Test
    void timeoutsArePositiveWholeSecondsUpToTenMinutes() {
        assertThat(SqlProbe.of("SELECT 1").timeout()).isEqualTo(ChangeProbe.DEFAULT_TIMEOUT);
        assertThat(new SqlProbe("SELECT 1", Duration.ofSeconds(5)).timeout()).hasSeconds(5);
        assertThatThrownBy(() -> new SqlProbe("SELECT 1", Duration.ZERO))
                .hasMessage("Invalid condition timeout 0 s: use 1 to 600 whole seconds");
        assertThatThrownBy(() -> new SqlProbe("SELECT 1", Duration.ofMinutes(11)))
                .hasMessage("Invalid condition timeout 660 s: use 1 to 600 whole seconds");
        assertThatThrownBy(() -> new CommandProbe(List.of("git"), Duration.ofMillis(1500)))
                .hasMessage("Invalid condition timeout PT1.5S: use 1 to 600 whole seconds");
    }

    @Test
    void aCommandNeedsAProgram() {
        assertThat(CommandProbe.of("git", "rev-parse", "HEAD").summary()).isEqualTo("command: git rev-parse HEAD");
        for (List<String> argv : List.of(List.<String>of(), List.of(" "))) {
            assertThatThrownBy(() -> new CommandProbe(argv, null)).hasMessage(
                    "Invalid condition command: it is empty; give the program, then its arguments");
        }
        assertThatThrownBy(() -> new CommandProbe(null, null)).isInstanceOf(ScheduleException.class);
    }
}
