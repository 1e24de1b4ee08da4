package org.jobdeck.demo.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The users, in memory while a dataset is generated: demographics, a latent personality that
 * drives their quiz answers, interests that lean to one cluster, and whom they follow.
 * User {@code i} gets id {@code i + 1}; interest {@code j} id {@code j + 1}.
 */
final class Population {
    static final long DAY = 86_400_000L;

    final int size;
    final String[] name;
    final String[] bio;
    final int[] age;
    final int[] region;
    final int[] gender;
    final int[] prefAgeMin;
    final int[] prefAgeMax;
    /** -1 for any region. */
    final int[] prefRegion;
    final long[] createdAt;
    final int[] cluster;
    /** Interest indices, ascending. */
    final int[][] interests;
    /** Per question, 1..5, or 0 when not answered. */
    final int[][] answers;
    final long[] answeredAt;
    /** Followee user indices. */
    final int[][] follows;
    final long[][] followedAt;
    /** How much a user posts, relative to others; 0 for people who never post. */
    final double[] activity;

    Population(int size) {
        this.size = size;
        name = new String[size];
        bio = new String[size];
        age = new int[size];
        region = new int[size];
        gender = new int[size];
        prefAgeMin = new int[size];
        prefAgeMax = new int[size];
        prefRegion = new int[size];
        createdAt = new long[size];
        cluster = new int[size];
        interests = new int[size][];
        answers = new int[size][];
        answeredAt = new long[size];
        follows = new int[size][];
        followedAt = new long[size][];
        activity = new double[size];
    }

    static Population generate(int size, long asOf, SplittableRandom random) {
        Population people = new Population(size);
        List<String> interestNames = Vocabulary.interestNames();
        for (int i = 0; i < size; i++) {
            people.person(i, asOf, random, interestNames);
        }
        people.follow(asOf, random);
        return people;
    }

    private void person(int i, long asOf, SplittableRandom random, List<String> interestNames) {
        name[i] = pick(Vocabulary.FIRST_NAMES, random) + " " + pick(Vocabulary.LAST_NAMES, random);
        age[i] = 18 + (int) Math.min(60, Math.abs(random.nextGaussian()) * 16);
        region[i] = random.nextInt(Vocabulary.REGIONS.size());
        int g = random.nextInt(100);
        gender[i] = g < 48 ? 0 : g < 96 ? 1 : 2;
        prefAgeMin[i] = Math.max(18, age[i] - 3 - random.nextInt(10));
        prefAgeMax[i] = age[i] + 3 + random.nextInt(12);
        prefRegion[i] = random.nextInt(10) < 7 ? -1 : random.nextInt(10) < 7 ? region[i]
                : random.nextInt(Vocabulary.REGIONS.size());
        createdAt[i] = asOf - (30 + random.nextInt(900)) * DAY - random.nextLong(DAY);
        cluster[i] = random.nextInt(Vocabulary.CLUSTERS.size());
        interests[i] = chooseInterests(cluster[i], random);
        double[] latent = new double[Vocabulary.TRAITS.size()];
        for (int t = 0; t < latent.length; t++) {
            latent[t] = random.nextGaussian();
        }
        answers[i] = answer(latent, random);
        answeredAt[i] = Math.min(asOf, createdAt[i] + random.nextLong(5 * DAY));
        activity[i] = random.nextInt(100) < 3 ? 0 : Math.exp(random.nextGaussian());
        String first = interestNames.get(interests[i][0]);
        String second = interestNames.get(interests[i][interests[i].length - 1]);
        bio[i] = String.format(Locale.ROOT, pick(Vocabulary.BIO_TEMPLATES, random), first, second,
                Vocabulary.REGIONS.get(region[i]));
    }

    /** Two to eight interests, mostly from the user's cluster. */
    private static int[] chooseInterests(int cluster, SplittableRandom random) {
        int perCluster = Vocabulary.INTERESTS.get(0).size();
        int total = Vocabulary.CLUSTERS.size() * perCluster;
        int count = 2 + random.nextInt(7);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            int interest = random.nextInt(10) < 7 ? cluster * perCluster + random.nextInt(perCluster)
                    : random.nextInt(total);
            chosen.add(interest);
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Likert answers driven by the latent traits; 5% skip the quiz, 10% skip a few questions. */
    private static int[] answer(double[] latent, SplittableRandom random) {
        int[] result = new int[Vocabulary.QUESTIONS.size()];
        int mode = random.nextInt(100);
        if (mode < 5) {
            return result;
        }
        for (int q = 0; q < result.length; q++) {
            Vocabulary.Question question = Vocabulary.QUESTIONS.get(q);
            double lean = latent[Vocabulary.TRAITS.indexOf(question.trait())] * (question.reversed() ? -1 : 1);
            result[q] = (int) Math.max(1, Math.min(5, Math.round(3 + 1.2 * lean + 0.7 * random.nextGaussian())));
        }
        if (mode < 15) {
            for (int skipped = 1 + random.nextInt(3); skipped > 0; skipped--) {
                result[random.nextInt(result.length)] = 0;
            }
        }
        return result;
    }

    /** Three to 25 followees each, mostly from the same interest cluster. */
    private void follow(long asOf, SplittableRandom random) {
        List<List<Integer>> byCluster = new ArrayList<>();
        for (int c = 0; c < Vocabulary.CLUSTERS.size(); c++) {
            byCluster.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            byCluster.get(cluster[i]).add(i);
        }
        for (int i = 0; i < size; i++) {
            int count = Math.min(size - 1, 3 + random.nextInt(23));
            List<Integer> sameCluster = byCluster.get(cluster[i]);
            Set<Integer> chosen = new LinkedHashSet<>();
            for (int tries = 0; chosen.size() < count && tries < count * 20; tries++) {
                int other = random.nextInt(10) < 6 && sameCluster.size() > 1
                        ? sameCluster.get(random.nextInt(sameCluster.size())) : random.nextInt(size);
                if (other != i) {
                    chosen.add(other);
                }
            }
            follows[i] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
            followedAt[i] = new long[follows[i].length];
            for (int f = 0; f < follows[i].length; f++) {
                followedAt[i][f] = asOf - random.nextLong(200 * DAY);
            }
        }
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
