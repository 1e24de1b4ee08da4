package org.jobdeck.demo.data;

import java.util.List;

/** The words the demo dataset is made of: interests, demographics, names, quiz and post text. */
public final class Vocabulary {
    /** The five traits, in the order of {@code demo.user_traits}' columns. */
    public static final List<String> TRAITS = List.of(
            "openness", "conscientiousness", "extraversion", "agreeableness", "neuroticism");

    /** Interests in clusters of five: users lean to one cluster, which makes co-occurrence meaningful. */
    static final List<String> CLUSTERS = List.of(
            "outdoors", "arts", "music", "food", "tech", "fitness", "culture", "home");
    static final List<List<String>> INTERESTS = List.of(
            List.of("hiking", "climbing", "camping", "cycling", "kayaking"),
            List.of("painting", "photography", "poetry", "theatre", "design"),
            List.of("jazz", "rock", "classical", "hiphop", "festivals"),
            List.of("cooking", "baking", "coffee", "wine", "vegan"),
            List.of("coding", "gaming", "robotics", "startups", "ai"),
            List.of("running", "yoga", "swimming", "boxing", "football"),
            List.of("books", "history", "travel", "languages", "museums"),
            List.of("gardening", "diy", "pets", "interiors", "parenting"));

    static final List<String> REGIONS = List.of(
            "north", "south", "east", "west", "central", "coast", "highlands", "islands");
    static final List<String> GENDERS = List.of("female", "male", "nonbinary");

    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
            "Kira", "Leo", "Maya", "Nico", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara",
            "Umar", "Vera", "Wes", "Xin", "Yara", "Zane", "Alba", "Bruno", "Cleo", "Dario");
    static final List<String> LAST_NAMES = List.of(
            "Adams", "Bauer", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito", "Jensen",
            "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka",
            "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zimmer", "Abbott", "Brandt", "Castro", "Dahl");

    static final List<String> BIO_TEMPLATES = List.of(
            "%s and %s enthusiast from the %s.",
            "Into %s, %s and good conversation. Based in the %s.",
            "Weekends are for %s; weekdays for %s. %s born and raised.",
            "Part-time %s nerd, full-time %s fan, living in the %s.",
            "Looking for people who like %s or %s around the %s.");

    /** Twenty questions, four per trait; a reversed question lowers its trait when agreed with. */
    record Question(String trait, boolean reversed, String prompt) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("openness", false, "I enjoy trying food I have never heard of."),
            new Question("openness", false, "I like art that I do not understand at first."),
            new Question("openness", true, "I prefer the routes I already know."),
            new Question("openness", false, "I often daydream about other ways of living."),
            new Question("conscientiousness", false, "I plan my week in advance."),
            new Question("conscientiousness", true, "I often leave things until the last minute."),
            new Question("conscientiousness", false, "I keep my promises, even small ones."),
            new Question("conscientiousness", false, "My desk is usually tidy."),
            new Question("extraversion", false, "I feel energised after a big party."),
            new Question("extraversion", true, "I would rather stay in than go out."),
            new Question("extraversion", false, "I start conversations with strangers."),
            new Question("extraversion", false, "I like being the centre of attention."),
            new Question("agreeableness", false, "I find it easy to forgive."),
            new Question("agreeableness", true, "I enjoy a good argument."),
            new Question("agreeableness", false, "I go out of my way to help others."),
            new Question("agreeableness", false, "I trust people until they give me a reason not to."),
            new Question("neuroticism", false, "I worry about things that may never happen."),
            new Question("neuroticism", true, "I stay calm under pressure."),
            new Question("neuroticism", false, "My mood changes quickly."),
            new Question("neuroticism", false, "Small setbacks can ruin my day."));

    static final List<String> OPENERS = List.of(
            "Just tried", "Loving", "Thoughts on", "Weekend plans:", "Cannot stop thinking about",
            "New favourite:", "Quick tip about", "Anyone else into", "Finally got around to", "Hot take on");
    static final List<String> FILLERS = List.of(
            "today", "with friends", "again", "this morning", "after work", "in the rain",
            "on a budget", "for the first time", "all weekend", "with the kids");
    static final List<String> EXTRAS = List.of(
            "Highly recommend it.", "Not sure how I feel yet.", "Photos below.", "Who is joining next time?",
            "Ten out of ten would do again.", "Lessons learned the hard way.", "It was worth every minute.",
            "Tell me your favourite spots.");
    static final List<String> GENERIC_TAGS = List.of("weekend", "mood", "tbt", "goals", "local", "community");

    /** Interest names in id order (id = position + 1). */
    static List<String> interestNames() {
        return INTERESTS.stream().flatMap(List::stream).toList();
    }

    static String ageBucket(int age) {
        if (age < 25) {
            return "18-24";
        } else if (age < 35) {
            return "25-34";
        } else if (age < 45) {
            return "35-44";
        } else if (age < 55) {
            return "45-54";
        }
        return "55+";
    }

    private Vocabulary() {
    }
}
