package org.jobdeck.demo.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.SplittableRandom;
import org.jobdeck.demo.DatasetSpec;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.queue.JobdeckHome;

/**
 * Generates a dataset from a {@link DatasetSpec} into the (migrated, empty) demo schema, on the
 * caller's connection and transaction, and writes its image files.
 *
 * <p>Phases: people (demographics, quiz, interests, follows), then content (posts, media
 * assignment, likes), then true counters and their deliberate drift, then the writes. Each phase
 * draws from its own split of the seed's random stream, so the output depends on the spec only.
 */
public final class DatasetGenerator {
    private final DatasetSpec spec;
    private final Path mediaDirectory;

    public DatasetGenerator(DatasetSpec spec, Path mediaDirectory) {
        this.spec = spec;
        this.mediaDirectory = mediaDirectory;
    }

    public GenerationReport generate(Connection connection) throws SQLException, IOException {
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom peopleRandom = root.split();
        SplittableRandom contentRandom = root.split();
        SplittableRandom driftRandom = root.split();
        SplittableRandom imageRandom = root.split();
        SplittableRandom staleRandom = root.split();
        long asOf = spec.asOf().toEpochMilli();

        Population people = Population.generate(spec.users(), asOf, peopleRandom);
        Content content = Content.generate(people, spec.posts(), spec.media(), asOf, contentRandom);
        Counters counters = Counters.count(people, content);
        int drifted = counters.drift(driftRandom);

        writeImages(content, imageRandom);
        TableWriter writer = new TableWriter(connection);
        writer.vocabulary();
        writer.users(people, counters);
        writer.quiz(people);
        writer.follows(people);
        writer.media(content);
        writer.posts(content, counters);
        writer.likes(content);
        writer.staleFeedSegments(people, content, asOf, staleRandom);
        int corrupt = 0;
        int orphans = 0;
        for (int m = 0; m < content.mediaCount; m++) {
            corrupt += content.corrupt[m] ? 1 : 0;
            orphans += content.orphan[m] ? 1 : 0;
        }
        return new GenerationReport(orphans, corrupt, drifted);
    }

    private void writeImages(Content content, SplittableRandom random) throws IOException {
        if (JobdeckHome.contains(mediaDirectory)) {
            JobdeckHome.ensure(); // the home holds secrets: it must not be created open to others
        }
        Files.createDirectories(mediaDirectory);
        int corruptSeen = 0;
        for (int m = 0; m < content.mediaCount; m++) {
            Path file = mediaDirectory.resolve(MediaFiles.fileName(m));
            if (content.corrupt[m]) {
                MediaFiles.writeCorrupt(file, corruptSeen++, random);
            } else {
                MediaFiles.writeValid(file, random);
            }
        }
    }

    /** The inserts, table by table, in JDBC batches. */
    private static final class TableWriter {
        private final Connection connection;

        TableWriter(Connection connection) {
            this.connection = connection;
        }

        void vocabulary() throws SQLException {
            try (BatchInsert interests = new BatchInsert(connection,
                    "INSERT INTO demo.interests (id, name, cluster_name) VALUES (?, ?, ?)")) {
                for (int c = 0; c < Vocabulary.CLUSTERS.size(); c++) {
                    List<String> names = Vocabulary.INTERESTS.get(c);
                    for (int k = 0; k < names.size(); k++) {
                        interests.add(c * names.size() + k + 1, names.get(k), Vocabulary.CLUSTERS.get(c));
                    }
                }
            }
            try (BatchInsert questions = new BatchInsert(connection,
                    "INSERT INTO demo.quiz_questions (id, trait, reversed, prompt) VALUES (?, ?, ?, ?)")) {
                for (int q = 0; q < Vocabulary.QUESTIONS.size(); q++) {
                    Vocabulary.Question question = Vocabulary.QUESTIONS.get(q);
                    questions.add(q + 1, question.trait(), question.reversed(), question.prompt());
                }
            }
        }

        void users(Population people, Counters counters) throws SQLException {
            try (BatchInsert users = new BatchInsert(connection, "INSERT INTO demo.users (id, name, bio, age,"
                    + " age_bucket, region, gender, pref_age_min, pref_age_max, pref_region, created_at,"
                    + " post_count, follower_count, following_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 BatchInsert interests = new BatchInsert(connection,
                         "INSERT INTO demo.user_interests (user_id, interest_id) VALUES (?, ?)")) {
                for (int i = 0; i < people.size; i++) {
                    users.add((long) i + 1, people.name[i], people.bio[i], people.age[i],
                            Vocabulary.ageBucket(people.age[i]), Vocabulary.REGIONS.get(people.region[i]),
                            Vocabulary.GENDERS.get(people.gender[i]), people.prefAgeMin[i], people.prefAgeMax[i],
                            people.prefRegion[i] < 0 ? null : Vocabulary.REGIONS.get(people.prefRegion[i]),
                            people.createdAt[i], counters.postCount[i], counters.followerCount[i],
                            counters.followingCount[i]);
                    for (int interest : people.interests[i]) {
                        interests.add((long) i + 1, interest + 1);
                    }
                }
            }
        }

        void quiz(Population people) throws SQLException {
            try (BatchInsert answers = new BatchInsert(connection, "INSERT INTO demo.quiz_answers"
                    + " (user_id, question_id, answer, answered_at) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < people.size; i++) {
                    for (int q = 0; q < people.answers[i].length; q++) {
                        if (people.answers[i][q] > 0) {
                            answers.add((long) i + 1, q + 1, people.answers[i][q], people.answeredAt[i]);
                        }
                    }
                }
            }
        }

        void follows(Population people) throws SQLException {
            try (BatchInsert follows = new BatchInsert(connection,
                    "INSERT INTO demo.follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < people.size; i++) {
                    for (int f = 0; f < people.follows[i].length; f++) {
                        follows.add((long) i + 1, (long) people.follows[i][f] + 1, people.followedAt[i][f]);
                    }
                }
            }
        }

        void media(Content content) throws SQLException {
            try (BatchInsert media = new BatchInsert(connection, "INSERT INTO demo.media"
                    + " (id, user_id, file_name, content_type, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int m = 0; m < content.mediaCount; m++) {
                    media.add((long) m + 1, (long) content.mediaOwner[m] + 1, MediaFiles.fileName(m),
                            MediaFiles.CONTENT_TYPE, content.mediaCreatedAt[m]);
                }
            }
        }

        void posts(Content content, Counters counters) throws SQLException {
            try (BatchInsert posts = new BatchInsert(connection, "INSERT INTO demo.posts"
                    + " (id, user_id, topic_id, body, media_id, created_at, like_count) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int p = 0; p < content.postCount; p++) {
                    posts.add((long) p + 1, (long) content.author[p] + 1, content.topic[p] + 1, content.body[p],
                            content.media[p] < 0 ? null : (long) content.media[p] + 1, content.postedAt[p],
                            counters.likeCount[p]);
                }
            }
        }

        void likes(Content content) throws SQLException {
            try (BatchInsert likes = new BatchInsert(connection,
                    "INSERT INTO demo.likes (user_id, post_id, created_at) VALUES (?, ?, ?)")) {
                for (int user = 0; user < content.likes.length; user++) {
                    for (int k = 0; k < content.likes[user].length; k++) {
                        likes.add((long) user + 1, (long) content.likes[user][k] + 1, content.likedAt[user][k]);
                    }
                }
            }
        }

        /**
         * Feed segments left by an earlier presort, 8 to 20 days old, for one user in ten: what
         * feed-presort-cleanup exists to remove.
         */
        void staleFeedSegments(Population people, Content content, long asOf, SplittableRandom random)
                throws SQLException {
            try (BatchInsert segments = new BatchInsert(connection, "INSERT INTO demo.feed_segments"
                    + " (user_id, segment_no, post_ids, post_count, top_score, min_score, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < people.size; i++) {
                    if (random.nextInt(10) != 0) {
                        continue;
                    }
                    long createdAt = asOf - 8 * Population.DAY - random.nextLong(12 * Population.DAY);
                    StringBuilder posts = new StringBuilder();
                    for (int slot = 0; slot < 10; slot++) {
                        posts.append(slot == 0 ? "" : ",").append(random.nextInt(content.postCount) + 1);
                    }
                    segments.add((long) i + 1, 0, posts.toString(), 10, 1.0, 0.1, createdAt);
                }
            }
        }
    }
}
