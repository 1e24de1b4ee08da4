package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.data.Vocabulary;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * profile-search-index: an inverted index token -> user over each profile's name, bio, region,
 * age bucket, gender, interests and strongest trait (e.g. {@code openness-high}, from
 * build-user-traits, which it needs). A token's weight is how often the profile mentions it.
 * Params: batchSize (users per progress step).
 */
public final class ProfileSearchIndex extends DemoJob {
    public ProfileSearchIndex(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "profile-search-index";
    }

    private record Profile(long id, StringBuilder text) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 500);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_traits", NO_TRAITS);
            Map<Long, Profile> profiles = new TreeMap<>();
            Jdbc.forEach(connection, "SELECT id, name, bio, region, age_bucket, gender FROM demo.users", row -> {
                StringBuilder text = new StringBuilder();
                for (int c = 2; c <= 6; c++) {
                    text.append(' ').append(row.getString(c).replace("-", "to").replace("+", "plus"));
                }
                profiles.put(row.getLong(1), new Profile(row.getLong(1), text));
            });
            Jdbc.forEach(connection, "SELECT ui.user_id, i.name FROM demo.user_interests ui"
                    + " JOIN demo.interests i ON i.id = ui.interest_id", row -> {
                Profile profile = profiles.get(row.getLong(1));
                if (profile != null) {
                    profile.text().append(' ').append(row.getString(2));
                }
            });
            Map<Long, String> topTraits = new HashMap<>();
            TraitVectors vectors = TraitVectors.load(connection);
            for (int i = 0; i < vectors.size(); i++) {
                String top = TraitVectors.topTrait(vectors.traits[i]);
                if (top != null) {
                    topTraits.put(vectors.userIds[i], top);
                }
            }
            context.throwIfCancelled();
            Jdbc.update(connection, "DELETE FROM demo.profile_index");
            Map<String, Integer> distinct = new HashMap<>();
            int done = 0;
            try (BatchInsert insert = new BatchInsert(connection,
                    "INSERT INTO demo.profile_index (token, user_id, weight) VALUES (?, ?, ?)")) {
                for (Profile profile : profiles.values()) {
                    Map<String, Integer> weights = new TreeMap<>();
                    List<String> tokens = new ArrayList<>(Text.searchTokens(profile.text().toString()));
                    String top = topTraits.get(profile.id());
                    if (top != null) {
                        tokens.add(top);
                    }
                    for (String token : tokens) {
                        weights.merge(token.length() > 64 ? token.substring(0, 64) : token, 1, Integer::sum);
                    }
                    for (Map.Entry<String, Integer> token : weights.entrySet()) {
                        insert.add(token.getKey(), profile.id(), token.getValue());
                        distinct.merge(token.getKey(), 1, Integer::sum);
                    }
                    if (++done % batchSize == 0 || done == profiles.size()) {
                        context.throwIfCancelled();
                        context.progress(done, profiles.size(), "indexed " + done + " of " + profiles.size() + " profiles");
                    }
                }
                return profiles.size() + " profiles, " + distinct.size() + " tokens, " + insert.rows() + " postings"
                        + " (" + topTraits.size() + " with a " + Vocabulary.TRAITS.size() + "-trait label)";
            }
        });
        summary(context, summary);
    }
}
