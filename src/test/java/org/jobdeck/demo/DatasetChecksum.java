package org.jobdeck.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Row counts and content hashes of a dataset's tables and image files, to compare generations. */
final class DatasetChecksum {
    /** Each dataset table with an ORDER BY that fixes its row order. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("users", "id");
        TABLES.put("interests", "id");
        TABLES.put("user_interests", "user_id, interest_id");
        TABLES.put("quiz_questions", "id");
        TABLES.put("quiz_answers", "user_id, question_id");
        TABLES.put("follows", "follower_id, followee_id");
        TABLES.put("media", "id");
        TABLES.put("posts", "id");
        TABLES.put("likes", "user_id, post_id");
        TABLES.put("feed_segments", "user_id, segment_no");
    }

    private DatasetChecksum() {
    }

    /** table -> "rows:sha256", plus "files" -> "count:sha256" over the image files in name order. */
    static Map<String, String> of(DemoFixture fixture) throws SQLException, IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            List<Object[]> rows = fixture.rows("SELECT * FROM demo." + table.getKey() + " ORDER BY " + table.getValue());
            MessageDigest digest = sha256();
            for (Object[] row : rows) {
                for (Object value : row) {
                    digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            }
            sums.put(table.getKey(), rows.size() + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        MessageDigest files = sha256();
        List<Path> paths;
        try (Stream<Path> listing = Files.list(fixture.info.mediaDirectory())) {
            paths = listing.sorted().toList();
        }
        for (Path path : paths) {
            files.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            files.update(Files.readAllBytes(path));
        }
        sums.put("files", paths.size() + ":" + HexFormat.of().formatHex(files.digest()));
        return sums;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
