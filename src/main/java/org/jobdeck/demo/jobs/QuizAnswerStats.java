package org.jobdeck.demo.jobs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * quiz-answer-stats: for each demographic (age bucket, region, gender), each bucket and each
 * question, how the answers are distributed (count and share). A bucket with fewer than
 * minBucketSize respondents to a question is left out, so small groups cannot be singled out.
 */
public final class QuizAnswerStats extends DemoJob {
    static final List<String> DEMOGRAPHICS = List.of("age_bucket", "region", "gender");

    public QuizAnswerStats(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "quiz-answer-stats";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int minBucketSize = context.intParam("minBucketSize", 5);
        if (minBucketSize < 1) {
            throw new PermanentJobFailure("minBucketSize must be at least 1, got " + minBucketSize);
        }
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.quiz_answers", "No quiz answers in the demo dataset");
            Jdbc.update(connection, "DELETE FROM demo.quiz_answer_stats");
            long computedAt = now();
            int buckets = 0;
            int suppressed = 0;
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.quiz_answer_stats (demographic,"
                    + " bucket, question_id, answer, answer_count, respondents, share, computed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int d = 0; d < DEMOGRAPHICS.size(); d++) {
                    String column = DEMOGRAPHICS.get(d);
                    // bucket -> question -> answer counts 1..5
                    Map<String, Map<Integer, int[]>> counts = new TreeMap<>();
                    Jdbc.forEach(connection, "SELECT u." + column + ", a.question_id, a.answer, COUNT(*)"
                            + " FROM demo.quiz_answers a JOIN demo.users u ON u.id = a.user_id"
                            + " GROUP BY u." + column + ", a.question_id, a.answer", row -> {
                        int answer = row.getInt(3);
                        if (answer >= 1 && answer <= 5) {
                            counts.computeIfAbsent(row.getString(1), b -> new TreeMap<>())
                                    .computeIfAbsent(row.getInt(2), q -> new int[6])[answer] += row.getInt(4);
                        }
                    });
                    for (Map.Entry<String, Map<Integer, int[]>> bucket : counts.entrySet()) {
                        boolean kept = false;
                        for (Map.Entry<Integer, int[]> question : bucket.getValue().entrySet()) {
                            int[] answers = question.getValue();
                            int respondents = answers[1] + answers[2] + answers[3] + answers[4] + answers[5];
                            if (respondents < minBucketSize) {
                                continue;
                            }
                            kept = true;
                            for (int answer = 1; answer <= 5; answer++) {
                                insert.add(column, bucket.getKey(), question.getKey(), answer, answers[answer],
                                        respondents, (double) answers[answer] / respondents, computedAt);
                            }
                        }
                        buckets += kept ? 1 : 0;
                        suppressed += kept ? 0 : 1;
                    }
                    context.throwIfCancelled();
                    context.progress(d + 1, DEMOGRAPHICS.size(), "aggregated by " + column);
                }
                long questions = Jdbc.queryLong(connection, "SELECT COUNT(DISTINCT question_id) FROM demo.quiz_answers");
                return questions + " questions, " + buckets + " buckets over " + DEMOGRAPHICS.size()
                        + " demographics, " + insert.rows() + " rows, " + suppressed
                        + " buckets under " + minBucketSize + " respondents left out";
            }
        });
        summary(context, summary);
    }
}
