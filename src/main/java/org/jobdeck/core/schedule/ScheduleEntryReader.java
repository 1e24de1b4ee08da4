package org.jobdeck.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jobdeck.core.plan.PlanScope;

/**
 * Reads one schedule object of the file format ({@link ScheduleWriter}), reporting every problem
 * it has, each with the field's path, rather than stopping at the first.
 */
final class ScheduleEntryReader {
    static final Set<String> FIELDS = Set.of("name", "target", "cron", "zone", "misfire",
            "graceSeconds", "overlap", "condition", "paused", "pausedBy", "pausedAt", "pausedReason");
    private static final Set<String> TARGET_FIELDS = Set.of("scope", "group", "jobs", "params");
    private static final Set<String> CONDITION_FIELDS = Set.of("sql", "command", "timeoutSeconds");

    private final JsonFields json;
    private final ScheduleDefaults defaults;
    private boolean failed;

    private ScheduleEntryReader(JsonFields json, ScheduleDefaults defaults) {
        this.json = json;
        this.defaults = defaults;
    }

    /** The schedule, or null when it has a problem (every one is added to {@code problems}). */
    static Schedule read(JsonNode node, String label, ScheduleDefaults defaults, List<ScheduleProblem> problems) {
        int before = problems.size();
        if (!node.isObject()) {
            problems.add(new ScheduleProblem(null, label + ": must be an object"));
            return null;
        }
        ScheduleEntryReader reader = new ScheduleEntryReader(new JsonFields(label, problems), defaults);
        Schedule schedule = reader.read(node);
        return problems.size() == before ? schedule : null;
    }

    private Schedule read(JsonNode node) {
        json.rejectUnknown(node, "", FIELDS, null);
        String nameText = json.text(node, "", "name", ScheduleField.NAME, true);
        ScheduleName name = nameText == null ? fail() : value(() -> new ScheduleName(nameText));
        ScheduleTarget target = target(json.object(node, "", "target", ScheduleField.TARGET, true));
        String cronText = json.text(node, "", "cron", ScheduleField.CRON, true);
        CronExpression cron = cronText == null ? null : value(() -> CronExpression.parse(cronText));
        String zoneText = json.text(node, "", "zone", ScheduleField.ZONE, false);
        ZoneId zone = zoneText == null ? defaults.zone() : value(() -> ScheduleZone.parse(zoneText));
        String misfireText = json.text(node, "", "misfire", ScheduleField.MISFIRE, false);
        MisfirePolicy misfire = misfireText == null ? MisfirePolicy.ONCE : value(() -> MisfirePolicy.fromWire(misfireText));
        Long graceSeconds = json.seconds(node, "", "graceSeconds", ScheduleField.GRACE);
        Duration grace = graceSeconds == null ? Schedule.DEFAULT_GRACE
                : value(() -> Schedule.checkGrace(Duration.ofSeconds(graceSeconds)));
        String overlapText = json.text(node, "", "overlap", ScheduleField.OVERLAP, false);
        OverlapPolicy overlap = overlapText == null ? OverlapPolicy.SKIP : value(() -> OverlapPolicy.fromWire(overlapText));
        ChangeProbe condition = condition(json.object(node, "", "condition", ScheduleField.CONDITION, false));
        Pause pause = pause(node);
        if (failed || name == null || target == null || cron == null) {
            return null;
        }
        return value(() -> new Schedule(name, target, cron, zone, misfire, grace, overlap, condition, pause));
    }

    private ScheduleTarget target(JsonNode node) {
        if (node == null) {
            failed = true;
            return null;
        }
        json.rejectUnknown(node, "target.", TARGET_FIELDS, ScheduleField.TARGET);
        String scopeText = json.text(node, "target.", "scope", ScheduleField.TARGET, true);
        PlanScope scope = null;
        for (PlanScope candidate : PlanScope.values()) {
            scope = candidate.wireName().equals(scopeText) ? candidate : scope;
        }
        if (scopeText != null && scope == null) {
            json.problem(ScheduleField.TARGET, "field 'target.scope' must be all, group or jobs, got \"" + scopeText + "\"");
        }
        String group = json.text(node, "target.", "group", ScheduleField.TARGET, false);
        List<String> jobs = json.strings(node, "target.", "jobs", ScheduleField.TARGET);
        Map<String, Map<String, Object>> params = params(json.object(node, "target.", "params", ScheduleField.PARAMS, false));
        boolean unreadable = (node.hasNonNull("group") && group == null) || (node.hasNonNull("jobs") && jobs == null);
        PlanScope chosen = scope;
        return chosen == null || unreadable ? fail() : value(() -> new ScheduleTarget(chosen, group, jobs, params));
    }

    private Map<String, Map<String, Object>> params(JsonNode node) {
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        if (node == null) {
            return params;
        }
        for (Map.Entry<String, JsonNode> job : node.properties()) {
            String path = "target.params." + job.getKey();
            if (!job.getValue().isObject()) {
                json.problem(ScheduleField.PARAMS, "field '" + path + "' must be an object");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            job.getValue().properties().forEach(entry -> {
                JsonNode value = entry.getValue();
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    values.put(entry.getKey(), value.asLong());
                } else if (value.isNumber() && !value.isIntegralNumber()) {
                    values.put(entry.getKey(), value.asDouble());
                } else if (value.isTextual() || value.isBoolean()) {
                    values.put(entry.getKey(), value.isTextual() ? value.asText() : value.asBoolean());
                } else {
                    json.problem(ScheduleField.PARAMS, "field '" + path + "." + entry.getKey()
                            + "' must be a number, string or boolean");
                }
            });
            params.put(job.getKey(), values);
        }
        return params;
    }

    private ChangeProbe condition(JsonNode node) {
        if (node == null) {
            return null;
        }
        json.rejectUnknown(node, "condition.", CONDITION_FIELDS, ScheduleField.CONDITION);
        String sql = json.text(node, "condition.", "sql", ScheduleField.CONDITION, false);
        List<String> command = json.strings(node, "condition.", "command", ScheduleField.CONDITION);
        Long seconds = json.seconds(node, "condition.", "timeoutSeconds", ScheduleField.CONDITION);
        Duration timeout = seconds == null ? null : Duration.ofSeconds(seconds);
        if ((sql == null) == (command == null)) {
            if (node.has("sql") == node.has("command")) {
                json.problem(ScheduleField.CONDITION, "field 'condition' takes either 'sql' or 'command'");
            }
            return fail();
        }
        return sql != null ? value(() -> new SqlProbe(sql, timeout)) : value(() -> new CommandProbe(command, timeout));
    }

    private Pause pause(JsonNode node) {
        boolean paused = json.flag(node, "paused", ScheduleField.PAUSE, false);
        String by = json.text(node, "", "pausedBy", ScheduleField.PAUSE, false);
        String atText = json.text(node, "", "pausedAt", ScheduleField.PAUSE, false);
        String reason = json.text(node, "", "pausedReason", ScheduleField.PAUSE, false);
        if (!paused) {
            if (by != null || atText != null || reason != null) {
                json.problem(ScheduleField.PAUSE, "pausedBy, pausedAt and pausedReason need \"paused\": true");
            }
            return null;
        }
        Instant at = defaults.now();
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                json.problem(ScheduleField.PAUSE, "field 'pausedAt' must be an ISO instant such as"
                        + " 2027-03-28T03:00:00Z, got \"" + atText + "\"");
                return fail();
            }
        }
        Instant when = at;
        return value(() -> new Pause(by == null ? defaults.actor() : by, when, reason));
    }

    /** The value, or null with its problem reported when building it fails. */
    private <T> T value(Supplier<T> build) {
        try {
            return build.get();
        } catch (ScheduleException e) {
            json.problem(e);
            return fail();
        }
    }

    private <T> T fail() {
        failed = true;
        return null;
    }
}
