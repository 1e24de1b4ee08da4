package org.jobdeck.core.schedule;

import java.util.Locale;
import java.util.Set;

/**
 * The syntactic check of an only-if-changed SQL probe: exactly one statement that begins with
 * {@code SELECT} or {@code WITH … SELECT}, an optional trailing {@code ;}, and none of the words
 * that change data, the session or files outside string literals, quoted identifiers and
 * comments.
 *
 * <p>The check is deliberately conservative where SQL dialects differ: a string or a comment
 * ends at its first possible end ({@code '…'} with {@code ''} inside, {@code /* … *}{@code /}
 * without nesting), and dollar quotes and backticks are not treated as quotes, so their text is
 * checked as code. A probe may be refused that a database would run harmlessly, never the other
 * way round. It is a first line only: the storage layer runs the probe in a read-only transaction
 * with a timeout as well.
 */
final class ProbeSql {
    private static final Set<String> FORBIDDEN = Set.of(
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE", "INTO",
            "CREATE", "ALTER", "DROP", "RENAME", "GRANT", "REVOKE",
            "COPY", "CALL", "EXEC", "EXECUTE", "DO", "SET", "RESET", "LOCK", "VACUUM", "REINDEX",
            "CLUSTER", "REFRESH", "DISCARD", "PREPARE", "DEALLOCATE", "LISTEN", "UNLISTEN", "NOTIFY",
            "LOAD", "IMPORT", "BACKUP", "RUNSCRIPT", "SCRIPT", "SHUTDOWN", "CHECKPOINT",
            "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT",
            // Functions with side effects, PostgreSQL's and H2's.
            "NEXTVAL", "SETVAL", "SET_CONFIG", "PG_TERMINATE_BACKEND", "PG_CANCEL_BACKEND",
            "PG_RELOAD_CONF", "DBLINK", "DBLINK_EXEC", "FILE_WRITE", "CSVWRITE", "LINK_SCHEMA");
    private static final Set<String> FORBIDDEN_PREFIXES = Set.of("PG_ADVISORY", "PG_TRY_ADVISORY", "LO_");

    private final String sql;
    private int position;
    private boolean sawSelect;

    private ProbeSql(String sql) {
        this.sql = sql;
    }

    /** @throws ScheduleException (field {@link ScheduleField#CONDITION}) naming what and where */
    static void check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw invalid("it is empty; write one SELECT");
        }
        new ProbeSql(sql).scan();
    }

    private void scan() {
        String first = null;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            int start = position;
            if (Character.isWhitespace(c) || (first == null && c == '(')) {
                position++;
            } else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", position)) {
                position = closing("*/", position + 2, start, "comment");
            } else if (Character.isLetter(c) || c == '_') {
                String word = word();
                first = first == null ? checkFirst(word) : first;
                checkWord(word, start);
            } else if (first == null) {
                throw invalid("it must be a single SELECT, but begins with " + c);
            } else if (c == '\'' || c == '"') {
                position = quoted(c, start);
            } else if (c == ';') {
                position++;
                requireOnlyCommentsAfter(start);
            } else {
                position++;
            }
        }
        if (first == null) {
            throw invalid("it has only comments; write one SELECT");
        }
        if (!sawSelect) {
            throw invalid("it must be a single SELECT, but its WITH has no SELECT");
        }
    }

    private String checkFirst(String word) {
        if (!word.equals("SELECT") && !word.equals("WITH")) {
            throw invalid("it must be a single SELECT, but begins with " + word);
        }
        return word;
    }

    private void checkWord(String word, int start) {
        sawSelect |= word.equals("SELECT");
        if (FORBIDDEN.contains(word) || FORBIDDEN_PREFIXES.stream().anyMatch(word::startsWith)) {
            throw invalid("it must be a single SELECT, but has " + word + " at " + where(start));
        }
    }

    private String word() {
        int start = position;
        while (position < sql.length()
                && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '_'
                        || sql.charAt(position) == '$')) {
            position++;
        }
        return sql.substring(start, position).toUpperCase(Locale.ROOT);
    }

    /** Past a '…' literal or a "…" identifier, a doubled quote staying inside. */
    private int quoted(char quote, int start) {
        int i = start + 1;
        while (true) {
            int end = sql.indexOf(quote, i);
            if (end < 0) {
                throw invalid((quote == '\'' ? "the string" : "the quoted identifier")
                        + " at " + where(start) + " is not closed");
            }
            if (end + 1 < sql.length() && sql.charAt(end + 1) == quote) {
                i = end + 2;
            } else {
                return end + 1;
            }
        }
    }

    private int closing(String end, int from, int start, String what) {
        int at = sql.indexOf(end, from);
        if (at < 0) {
            throw invalid("the " + what + " at " + where(start) + " is not closed");
        }
        return at + end.length();
    }

    private void requireOnlyCommentsAfter(int semicolon) {
        while (position < sql.length()) {
            if (Character.isWhitespace(sql.charAt(position))) {
                position++;
            } else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", position)) {
                position = closing("*/", position + 2, position, "comment");
            } else {
                throw invalid("it must be a single SELECT, but has a second statement after the ; at "
                        + where(semicolon));
            }
        }
    }

    private String where(int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    private static ScheduleException invalid(String detail) {
        return new ScheduleException(ScheduleField.CONDITION, "Invalid condition SQL: " + detail);
    }
}
