package org.jobdeck.core.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads schedules in the JSON format {@link ScheduleWriter} writes: a whole file
 * ({@code schedule apply FILE}) or one schedule (a REST body).
 *
 * <p>Strict, as the catalog reader is: unknown fields are refused with their path, duplicate keys
 * and trailing text are errors, and every problem of every schedule is reported at once, one line
 * each. Only a document without any problem yields schedules to apply.
 */
public final class ScheduleReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ScheduleReader() {
    }

    /** @throws ScheduleException when the file cannot be read at all */
    public static ScheduleDocument read(Path file, ScheduleDefaults defaults) {
        try {
            return parseFile(Files.readString(file, StandardCharsets.UTF_8), file.toString(), defaults);
        } catch (NoSuchFileException e) {
            throw new ScheduleException(null, "Cannot read schedules " + file + ": no such file");
        } catch (IOException e) {
            throw new ScheduleException(null, "Cannot read schedules " + file + ": " + e.getMessage());
        }
    }

    /** A file: {@code {"schedules": [...]}}; {@code origin} names it in problems. */
    public static ScheduleDocument parseFile(String json, String origin, ScheduleDefaults defaults) {
        List<ScheduleProblem> problems = new ArrayList<>();
        JsonNode root = tree(json, origin, problems);
        if (root == null) {
            return new ScheduleDocument(origin, List.of(), problems);
        }
        if (!root.isObject() || !root.has("schedules")) {
            problems.add(new ScheduleProblem(null, origin + ": a schedule file is a JSON object with \"schedules\""));
            return new ScheduleDocument(origin, List.of(), problems);
        }
        new JsonFields(origin, problems).rejectUnknown(root, "", Set.of("schedules"), null);
        JsonNode array = root.get("schedules");
        if (!array.isArray()) {
            problems.add(new ScheduleProblem(null, origin + ": field 'schedules' must be an array"));
            return new ScheduleDocument(origin, List.of(), problems);
        }
        List<Schedule> schedules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int position = 0;
        for (JsonNode node : array) {
            position++;
            Schedule schedule = ScheduleEntryReader.read(node, label(node, position), defaults, problems);
            if (schedule != null && !names.add(schedule.name().value())) {
                problems.add(new ScheduleProblem(ScheduleField.NAME, "Duplicate schedule name: " + schedule.name()));
            } else if (schedule != null) {
                schedules.add(schedule);
            }
        }
        return new ScheduleDocument(origin, schedules, problems);
    }

    /** One schedule object, as a REST body holds it. */
    public static ScheduleDocument parseOne(String json, String origin, ScheduleDefaults defaults) {
        List<ScheduleProblem> problems = new ArrayList<>();
        JsonNode root = tree(json, origin, problems);
        if (root == null) {
            return new ScheduleDocument(origin, List.of(), problems);
        }
        Schedule schedule = ScheduleEntryReader.read(root, label(root, 1).replace(" #1", ""), defaults, problems);
        return new ScheduleDocument(origin, schedule == null ? List.of() : List.of(schedule), problems);
    }

    private static JsonNode tree(String json, String origin, List<ScheduleProblem> problems) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                problems.add(new ScheduleProblem(null, origin + ": it is empty"));
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? origin : origin + ":" + location.getLineNr() + ":" + location.getColumnNr();
            String reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
            problems.add(new ScheduleProblem(null, where + ": invalid JSON: " + reason));
            return null;
        }
    }

    /** "Schedule nightly" when the object has a usable name, else "Schedule #3". */
    private static String label(JsonNode node, int position) {
        JsonNode name = node.isObject() ? node.get("name") : null;
        return name != null && name.isTextual() && !name.asText().isBlank()
                ? "Schedule " + name.asText() : "Schedule #" + position;
    }
}
