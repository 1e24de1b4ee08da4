-- The demo dataset and the outputs of the default catalog's jobs, in their own schema with their
-- own Flyway history, apart from the queue. Portable between H2 2.x and PostgreSQL 12+: plain
-- types, times in epoch milliseconds (BIGINT), no RETURNING, no foreign keys (jobs that have no
-- dependency on each other run in parallel and must not block each other on constraint checks).

-- What was generated: one row (id 1) once a dataset is complete.
CREATE TABLE demo.dataset (
    id                INT           PRIMARY KEY,
    seed              BIGINT        NOT NULL,
    user_count        INT           NOT NULL,
    post_count        INT           NOT NULL,
    media_count       INT           NOT NULL,
    orphaned_media    INT           NOT NULL,
    corrupt_media     INT           NOT NULL,
    drifted_counters  INT           NOT NULL,
    as_of             BIGINT        NOT NULL,
    media_dir         VARCHAR(1000) NOT NULL,
    created_at        BIGINT        NOT NULL
);

-- One row, locked FOR UPDATE while a dataset is generated, so that handlers starting at once (in
-- one process or several) create it once.
CREATE TABLE demo.dataset_lock (
    id INT PRIMARY KEY
);
INSERT INTO demo.dataset_lock (id) VALUES (1);

-- ---------------------------------------------------------------- the dataset

CREATE TABLE demo.users (
    id               BIGINT       PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    bio              VARCHAR(500) NOT NULL,
    age              INT          NOT NULL,
    age_bucket       VARCHAR(8)   NOT NULL,
    region           VARCHAR(32)  NOT NULL,
    gender           VARCHAR(16)  NOT NULL,
    pref_age_min     INT          NOT NULL,
    pref_age_max     INT          NOT NULL,
    -- null: any region
    pref_region      VARCHAR(32),
    created_at       BIGINT       NOT NULL,
    -- Denormalised counters; the generator drifts some on purpose for stats-reconcile.
    post_count       INT          NOT NULL,
    follower_count   INT          NOT NULL,
    following_count  INT          NOT NULL
);

CREATE TABLE demo.interests (
    id            INT         PRIMARY KEY,
    name          VARCHAR(64) NOT NULL,
    cluster_name  VARCHAR(32) NOT NULL
);

CREATE TABLE demo.user_interests (
    user_id      BIGINT NOT NULL,
    interest_id  INT    NOT NULL,
    PRIMARY KEY (user_id, interest_id)
);
CREATE INDEX user_interests_interest ON demo.user_interests (interest_id);

CREATE TABLE demo.quiz_questions (
    id        INT          PRIMARY KEY,
    trait     VARCHAR(32)  NOT NULL,
    -- agreeing lowers the trait
    reversed  BOOLEAN      NOT NULL,
    prompt    VARCHAR(300) NOT NULL
);

CREATE TABLE demo.quiz_answers (
    user_id      BIGINT NOT NULL,
    question_id  INT    NOT NULL,
    -- 1 (strongly disagree) to 5 (strongly agree)
    answer       INT    NOT NULL,
    answered_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, question_id)
);

CREATE TABLE demo.follows (
    follower_id  BIGINT NOT NULL,
    followee_id  BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follows_followee ON demo.follows (followee_id);

CREATE TABLE demo.media (
    id            BIGINT       PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    -- relative to dataset.media_dir
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE demo.posts (
    id          BIGINT        PRIMARY KEY,
    user_id     BIGINT        NOT NULL,
    topic_id    INT           NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    media_id    BIGINT,
    created_at  BIGINT        NOT NULL,
    like_count  INT           NOT NULL
);
CREATE INDEX posts_user ON demo.posts (user_id);
CREATE INDEX posts_media ON demo.posts (media_id);
CREATE INDEX posts_created ON demo.posts (created_at);

CREATE TABLE demo.likes (
    user_id     BIGINT NOT NULL,
    post_id     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE INDEX likes_post ON demo.likes (post_id);

-- ---------------------------------------------------------------- job outputs

-- build-user-traits: the five traits in [-1, 1], from the quiz.
CREATE TABLE demo.user_traits (
    user_id            BIGINT           PRIMARY KEY,
    openness           DOUBLE PRECISION NOT NULL,
    conscientiousness  DOUBLE PRECISION NOT NULL,
    extraversion       DOUBLE PRECISION NOT NULL,
    agreeableness      DOUBLE PRECISION NOT NULL,
    neuroticism        DOUBLE PRECISION NOT NULL,
    answered           INT              NOT NULL,
    computed_at        BIGINT           NOT NULL
);

-- match-scores: trait similarity in [0, 1], the top K per user.
CREATE TABLE demo.match_scores (
    user_id      BIGINT           NOT NULL,
    other_id     BIGINT           NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    rank_no      INT              NOT NULL,
    computed_at  BIGINT           NOT NULL,
    PRIMARY KEY (user_id, other_id)
);

-- compatibility: traits, shared interests and mutual preferences, each in [0, 1].
CREATE TABLE demo.compatibility_scores (
    user_id            BIGINT           NOT NULL,
    other_id           BIGINT           NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    traits_score       DOUBLE PRECISION NOT NULL,
    interests_score    DOUBLE PRECISION NOT NULL,
    preferences_score  DOUBLE PRECISION NOT NULL,
    rank_no            INT              NOT NULL,
    computed_at        BIGINT           NOT NULL,
    PRIMARY KEY (user_id, other_id)
);

-- content-features
CREATE TABLE demo.post_features (
    post_id          BIGINT           PRIMARY KEY,
    char_length      INT              NOT NULL,
    token_count      INT              NOT NULL,
    distinct_tokens  INT              NOT NULL,
    hashtag_count    INT              NOT NULL,
    -- space-separated, in order of appearance, without '#'
    hashtags         VARCHAR(1000)    NOT NULL,
    has_media        BOOLEAN          NOT NULL,
    -- 0..1 from media, hashtags and length
    quality          DOUBLE PRECISION NOT NULL,
    computed_at      BIGINT           NOT NULL
);

-- trending
CREATE TABLE demo.trending_scores (
    post_id       BIGINT           PRIMARY KEY,
    score         DOUBLE PRECISION NOT NULL,
    window_likes  INT              NOT NULL,
    rank_no       INT              NOT NULL,
    computed_at   BIGINT           NOT NULL
);

-- affinity: user-topic affinity in [0, 1] (1 for the user's strongest topic), the ten strongest topics.
CREATE TABLE demo.user_topic_affinity (
    user_id         BIGINT           NOT NULL,
    interest_id     INT              NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    liked_posts     INT              NOT NULL,
    followed_posts  INT              NOT NULL,
    computed_at     BIGINT           NOT NULL,
    PRIMARY KEY (user_id, interest_id)
);

-- feed-presort: per user, segments of ranked posts, one row per segment (as a feed service would
-- fetch them: a page at a time).
CREATE TABLE demo.feed_segments (
    user_id     BIGINT           NOT NULL,
    segment_no  INT              NOT NULL,
    -- comma-separated, best first
    post_ids    VARCHAR(4000)    NOT NULL,
    post_count  INT              NOT NULL,
    top_score   DOUBLE PRECISION NOT NULL,
    min_score   DOUBLE PRECISION NOT NULL,
    created_at  BIGINT           NOT NULL,
    PRIMARY KEY (user_id, segment_no)
);
CREATE INDEX feed_segments_created ON demo.feed_segments (created_at);

-- profile-search-index: token -> user.
CREATE TABLE demo.profile_index (
    token    VARCHAR(64) NOT NULL,
    user_id  BIGINT      NOT NULL,
    weight   INT         NOT NULL,
    PRIMARY KEY (token, user_id)
);
CREATE INDEX profile_index_user ON demo.profile_index (user_id);

-- user-interest-sets
CREATE TABLE demo.user_interest_sets (
    user_id         BIGINT        PRIMARY KEY,
    interest_count  INT           NOT NULL,
    -- comma-separated, ascending
    interest_ids    VARCHAR(1000) NOT NULL,
    interest_names  VARCHAR(2000) NOT NULL,
    computed_at     BIGINT        NOT NULL
);

-- searchable-user: one snapshot row per user.
CREATE TABLE demo.searchable_users (
    user_id         BIGINT        PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    age_bucket      VARCHAR(8)    NOT NULL,
    region          VARCHAR(32)   NOT NULL,
    gender          VARCHAR(16)   NOT NULL,
    interests       VARCHAR(2000) NOT NULL,
    -- e.g. openness-high; null without quiz answers
    top_trait       VARCHAR(40),
    post_count      INT           NOT NULL,
    follower_count  INT           NOT NULL,
    search_text     VARCHAR(4000) NOT NULL,
    snapshot_at     BIGINT        NOT NULL
);

-- interest-relationships: both directions of each pair that co-occurs often enough.
CREATE TABLE demo.interest_relationships (
    interest_id   INT              NOT NULL,
    related_id    INT              NOT NULL,
    cooccurrence  INT              NOT NULL,
    jaccard       DOUBLE PRECISION NOT NULL,
    computed_at   BIGINT           NOT NULL,
    PRIMARY KEY (interest_id, related_id)
);

-- quiz-answer-stats: the answer distribution per question within each demographic bucket.
CREATE TABLE demo.quiz_answer_stats (
    demographic   VARCHAR(16)      NOT NULL,
    bucket        VARCHAR(32)      NOT NULL,
    question_id   INT              NOT NULL,
    answer        INT              NOT NULL,
    answer_count  INT              NOT NULL,
    respondents   INT              NOT NULL,
    share         DOUBLE PRECISION NOT NULL,
    computed_at   BIGINT           NOT NULL,
    PRIMARY KEY (demographic, bucket, question_id, answer)
);

-- media-metadata and media-metadata-batch: what the file holds, or why it could not be read.
CREATE TABLE demo.media_metadata (
    media_id       BIGINT       PRIMARY KEY,
    width          INT,
    height         INT,
    image_format   VARCHAR(16),
    byte_size      BIGINT,
    error_message  VARCHAR(500),
    extracted_at   BIGINT       NOT NULL
);
