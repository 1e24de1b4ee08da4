package org.jobdeck.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What to generate. The same spec always gives the same rows and the same image bytes: every
 * random choice comes from {@code seed}, and every timestamp is relative to {@code asOf}.
 *
 * @param users at least {@value #MIN_USERS}
 * @param posts at least one
 * @param media at least {@value #MIN_MEDIA} and at most {@code posts}: media 1 always a valid image
 *              that a post shows, two corrupt files, about 6% orphans (shown by no post)
 * @param asOf  the dataset's "now": posts, likes and follows lie in the 30 days before it
 */
public record DatasetSpec(long seed, int users, int posts, int media, Instant asOf) {
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_USERS = 2000;
    public static final int MIN_USERS = 10;
    public static final int MIN_MEDIA = 4;

    public DatasetSpec {
        if (users < MIN_USERS) {
            throw new DemoDataException("A demo dataset needs at least " + MIN_USERS + " users, got " + users);
        }
        if (posts < 1) {
            throw new DemoDataException("A demo dataset needs at least one post, got " + posts);
        }
        if (media < MIN_MEDIA) {
            throw new DemoDataException("A demo dataset needs at least " + MIN_MEDIA + " media files, got " + media);
        }
        if (media > posts) {
            throw new DemoDataException("A demo dataset needs a post to show each media file: " + media
                    + " media files but " + posts + " posts");
        }
        if (asOf == null) {
            throw new DemoDataException("A demo dataset needs an as-of time");
        }
        asOf = asOf.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code users} users, ten posts per user and a media file per four users. */
    public static DatasetSpec ofUsers(int users, Instant asOf) {
        return new DatasetSpec(DEFAULT_SEED, users, users * 10, Math.max(MIN_MEDIA, users / 4), asOf);
    }

    /** The default size: about 2,000 users, 20,000 posts and 500 media files. */
    public static DatasetSpec defaults(Instant asOf) {
        return ofUsers(DEFAULT_USERS, asOf);
    }

    public DatasetSpec withSeed(long newSeed) {
        return new DatasetSpec(newSeed, users, posts, media, asOf);
    }
}
