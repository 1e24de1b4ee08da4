package org.jobdeck.demo.data;

import java.util.SplittableRandom;

/**
 * The denormalised counters (users' post, follower and following counts; posts' like counts),
 * counted from the generated rows and then drifted on purpose, as a real system's would after
 * missed updates, so that stats-reconcile has something to fix.
 */
final class Counters {
    final int[] postCount;
    final int[] followerCount;
    final int[] followingCount;
    final int[] likeCount;

    private Counters(int users, int posts) {
        postCount = new int[users];
        followerCount = new int[users];
        followingCount = new int[users];
        likeCount = new int[posts];
    }

    static Counters count(Population people, Content content) {
        Counters counters = new Counters(people.size, content.postCount);
        for (int p = 0; p < content.postCount; p++) {
            counters.postCount[content.author[p]]++;
        }
        for (int i = 0; i < people.size; i++) {
            counters.followingCount[i] = people.follows[i].length;
            for (int followee : people.follows[i]) {
                counters.followerCount[followee]++;
            }
            for (int post : content.likes[i]) {
                counters.likeCount[post]++;
            }
        }
        return counters;
    }

    /** Drifts 3% of post counts and 2% of follower and like counts (at least one each); returns how many. */
    int drift(SplittableRandom random) {
        return drift(postCount, 0.03, random) + drift(followerCount, 0.02, random) + drift(likeCount, 0.02, random);
    }

    private static int drift(int[] counts, double share, SplittableRandom random) {
        int howMany = Math.max(1, (int) Math.round(counts.length * share));
        int[] order = Content.shuffledRange(0, counts.length, random);
        for (int k = 0; k < howMany; k++) {
            int i = order[k];
            int delta = random.nextInt(1, 6) * (random.nextBoolean() ? 1 : -1);
            counts[i] = counts[i] + delta >= 0 ? counts[i] + delta : counts[i] + Math.abs(delta);
        }
        return howMany;
    }
}
