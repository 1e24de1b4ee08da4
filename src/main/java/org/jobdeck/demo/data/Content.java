package org.jobdeck.demo.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Posts (text with hashtags, a topic, a time, maybe an image), likes, and which media file each
 * post shows. Post {@code p} gets id {@code p + 1}; media {@code m} id {@code m + 1}.
 *
 * <p>Media 1 is always a valid image shown by a post, so the catalog's default
 * {@code media-metadata mediaId=1} succeeds; two others are corrupt, about 6% are orphans.
 */
final class Content {
    static final long DAY = Population.DAY;
    static final long HOUR = 3_600_000L;
    static final int LIKES_PER_POST = 2;

    final int postCount;
    final int[] author;
    final int[] topic;
    final long[] postedAt;
    final String[] body;
    /** Media index shown by the post, or -1. */
    final int[] media;
    /** Post indices each user likes, and when. */
    final int[][] likes;
    final long[][] likedAt;

    final int mediaCount;
    final int[] mediaOwner;
    final long[] mediaCreatedAt;
    final boolean[] orphan;
    final boolean[] corrupt;

    private Content(int posts, int mediaFiles, int users) {
        postCount = posts;
        author = new int[posts];
        topic = new int[posts];
        postedAt = new long[posts];
        body = new String[posts];
        media = new int[posts];
        likes = new int[users][];
        likedAt = new long[users][];
        mediaCount = mediaFiles;
        mediaOwner = new int[mediaFiles];
        mediaCreatedAt = new long[mediaFiles];
        orphan = new boolean[mediaFiles];
        corrupt = new boolean[mediaFiles];
    }

    static Content generate(Population people, int posts, int mediaFiles, long asOf, SplittableRandom random) {
        Content content = new Content(posts, mediaFiles, people.size);
        content.write(people, asOf, random);
        content.attachMedia(people.size, asOf, random);
        content.like(people, asOf, random);
        return content;
    }

    private void write(Population people, long asOf, SplittableRandom random) {
        double[] cumulative = new double[people.size];
        double sum = 0;
        for (int i = 0; i < people.size; i++) {
            sum += people.activity[i];
            cumulative[i] = sum;
        }
        List<String> interestNames = Vocabulary.interestNames();
        for (int p = 0; p < postCount; p++) {
            int user = sampleAuthor(cumulative, random.nextDouble() * sum);
            int[] own = people.interests[user];
            topic[p] = random.nextInt(10) < 8 ? own[random.nextInt(own.length)] : random.nextInt(interestNames.size());
            double u = random.nextDouble();
            postedAt[p] = asOf - (long) (u * u * 30 * DAY) - random.nextLong(60_000);
            author[p] = user;
            media[p] = -1;
            body[p] = text(interestNames, topic[p], own, random);
        }
    }

    private static int sampleAuthor(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] <= target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static String text(List<String> interestNames, int topic, int[] own, SplittableRandom random) {
        String name = interestNames.get(topic);
        StringBuilder text = new StringBuilder()
                .append(Population.pick(Vocabulary.OPENERS, random)).append(' ').append(name).append(' ')
                .append(Population.pick(Vocabulary.FILLERS, random)).append('.');
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            text.append(' ').append(Population.pick(Vocabulary.EXTRAS, random));
        }
        Set<String> tags = new LinkedHashSet<>();
        tags.add(name);
        for (int more = random.nextInt(3); more > 0; more--) {
            tags.add(random.nextBoolean() ? interestNames.get(own[random.nextInt(own.length)])
                    : Population.pick(Vocabulary.GENERIC_TAGS, random));
        }
        tags.forEach(tag -> text.append(" #").append(tag));
        return text.toString();
    }

    /** Two corrupt files and ~6% orphans among media 2..n; every other file is shown by one post. */
    private void attachMedia(int users, long asOf, SplittableRandom random) {
        int[] candidates = shuffledRange(1, mediaCount, random);
        corrupt[candidates[0]] = true;
        corrupt[candidates[1]] = true;
        int orphans = Math.max(1, Math.round(mediaCount * 0.06f));
        for (int k = 2; k < Math.min(candidates.length, 2 + orphans); k++) {
            orphan[candidates[k]] = true;
        }
        int[] posts = shuffledRange(0, postCount, random);
        int next = 0;
        for (int m = 0; m < mediaCount; m++) {
            if (orphan[m]) {
                mediaOwner[m] = random.nextInt(users);
                mediaCreatedAt[m] = asOf - random.nextLong(30 * DAY);
            } else {
                int post = posts[next++];
                media[post] = m;
                mediaOwner[m] = author[post];
                mediaCreatedAt[m] = postedAt[post] - random.nextLong(10 * 60_000);
            }
        }
    }

    /** About two likes per post: mostly posts on the user's interests, never their own. */
    private void like(Population people, long asOf, SplittableRandom random) {
        List<List<Integer>> byTopic = new ArrayList<>();
        for (int t = 0; t < Vocabulary.interestNames().size(); t++) {
            byTopic.add(new ArrayList<>());
        }
        for (int p = 0; p < postCount; p++) {
            byTopic.get(topic[p]).add(p);
        }
        double perUser = (double) LIKES_PER_POST * postCount / people.size;
        for (int user = 0; user < people.size; user++) {
            int wanted = (int) Math.min(postCount / 2, Math.round(perUser * Math.exp(0.5 * random.nextGaussian() - 0.125)));
            Set<Integer> chosen = new LinkedHashSet<>();
            int[] own = people.interests[user];
            for (int tries = 0; chosen.size() < wanted && tries < wanted * 10; tries++) {
                List<Integer> pool = byTopic.get(own[random.nextInt(own.length)]);
                int post = random.nextInt(10) < 6 && !pool.isEmpty()
                        ? pool.get(random.nextInt(pool.size())) : random.nextInt(postCount);
                if (author[post] != user) {
                    chosen.add(post);
                }
            }
            likes[user] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
            likedAt[user] = new long[likes[user].length];
            for (int k = 0; k < likes[user].length; k++) {
                long posted = postedAt[likes[user][k]];
                likedAt[user][k] = posted + random.nextLong(Math.max(1, Math.min(3 * DAY, asOf - posted)));
            }
        }
    }

    /** A random permutation of [from, to). */
    static int[] shuffledRange(int from, int to, SplittableRandom random) {
        int[] values = new int[Math.max(0, to - from)];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
