package org.jobdeck.core.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes schedules as JSON, in two shapes.
 *
 * <p><b>The file</b> ({@code schedule export}, read back by {@link ScheduleReader}): every field,
 * so that export then apply changes nothing.
 * <pre>
 * {"schedules": [{"name", "target": {"scope", "group"?, "jobs"?, "params"?}, "cron", "zone",
 *   "misfire", "graceSeconds", "overlap", "condition"?: {"sql" | "command", "timeoutSeconds"},
 *   "paused", "pausedBy"?, "pausedAt"?, "pausedReason"?}]}
 * </pre>
 *
 * <p><b>A list entry</b> ({@code schedule list --json}, REST): the static parts issue 14 names,
 * {@code name, target {scope, group?, jobs?}, cron, zone, description, paused, pausedBy?,
 * pausedReason?, misfire, overlap, condition?}; the caller adds {@code nextFireTimes} and
 * {@code lastFire}, which need the clock and the fire history.
 */
public final class ScheduleWriter {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScheduleWriter() {
    }

    /** The schedule file's text, schedules sorted by name, so exports diff well. */
    public static String fileText(List<Schedule> schedules) {
        try {
            return MAPPER.writeValueAsString(file(schedules)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    public static ObjectNode file(List<Schedule> schedules) {
        ObjectNode root = NODES.objectNode();
        ArrayNode array = root.putArray("schedules");
        schedules.stream().sorted(Comparator.comparing(Schedule::name)).map(ScheduleWriter::fileEntry)
                .forEach(array::add);
        return root;
    }

    /** One schedule in the file's shape: also the body of a REST PUT. */
    public static ObjectNode fileEntry(Schedule schedule) {
        ObjectNode node = NODES.objectNode();
        node.put("name", schedule.name().value());
        node.set("target", target(schedule.target(), true));
        node.put("cron", schedule.cron().text());
        node.put("zone", schedule.zone().getId());
        node.put("misfire", schedule.misfire().wireName());
        node.put("graceSeconds", schedule.grace().toSeconds());
        node.put("overlap", schedule.overlap().wireName());
        if (schedule.condition() != null) {
            node.set("condition", condition(schedule.condition()));
        }
        node.put("paused", schedule.isPaused());
        if (schedule.isPaused()) {
            node.put("pausedBy", schedule.pause().by());
            node.put("pausedAt", schedule.pause().at().toString());
            if (schedule.pause().reason() != null) {
                node.put("pausedReason", schedule.pause().reason());
            }
        }
        return node;
    }

    /** The static parts of a {@code list --json} entry. */
    public static ObjectNode listEntry(Schedule schedule) {
        ObjectNode node = NODES.objectNode();
        node.put("name", schedule.name().value());
        node.set("target", target(schedule.target(), false));
        node.put("cron", schedule.cron().text());
        node.put("zone", schedule.zone().getId());
        node.put("description", schedule.cron().description());
        node.put("paused", schedule.isPaused());
        if (schedule.isPaused()) {
            node.put("pausedBy", schedule.pause().by());
            if (schedule.pause().reason() != null) {
                node.put("pausedReason", schedule.pause().reason());
            }
        }
        node.put("misfire", schedule.misfire().wireName());
        node.put("overlap", schedule.overlap().wireName());
        if (schedule.condition() != null) {
            node.set("condition", condition(schedule.condition()));
        }
        return node;
    }

    private static ObjectNode target(ScheduleTarget target, boolean withParams) {
        ObjectNode node = NODES.objectNode();
        node.put("scope", target.scope().wireName());
        if (target.group() != null) {
            node.put("group", target.group());
        }
        if (!target.jobs().isEmpty()) {
            ArrayNode jobs = node.putArray("jobs");
            target.jobs().forEach(jobs::add);
        }
        if (withParams && !target.params().isEmpty()) {
            ObjectNode params = node.putObject("params");
            target.params().forEach((job, values) -> params.set(job, values(values)));
        }
        return node;
    }

    private static ObjectNode values(Map<String, Object> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((key, value) -> {
            if (value instanceof Long l) {
                node.put(key, l);
            } else if (value instanceof Double d) {
                node.put(key, d);
            } else if (value instanceof Boolean b) {
                node.put(key, b);
            } else {
                node.put(key, (String) value);
            }
        });
        return node;
    }

    private static ObjectNode condition(ChangeProbe probe) {
        ObjectNode node = NODES.objectNode();
        if (probe instanceof SqlProbe sql) {
            node.put("sql", sql.sql());
        } else if (probe instanceof CommandProbe command) {
            ArrayNode argv = node.putArray("command");
            command.argv().forEach(argv::add);
        }
        node.put("timeoutSeconds", probe.timeout().toSeconds());
        return node;
    }
}
