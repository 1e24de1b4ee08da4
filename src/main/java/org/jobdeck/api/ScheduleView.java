package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.schedule.ChangeProbe;
import org.jobdeck.core.schedule.CommandProbe;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleDefaults;
import org.jobdeck.core.schedule.ScheduleDocument;
import org.jobdeck.core.schedule.ScheduleReader;
import org.jobdeck.core.schedule.ScheduleTarget;
import org.jobdeck.core.schedule.SqlProbe;

/**
 * A schedule as {@code schedule list --json}, {@code show --json} and REST show it: its
 * definition, the cron in words, the next fire times (with their offsets, in the schedule's zone)
 * and the last fire. {@link #toSchedule()} gives the definition back, for a face that edits it.
 *
 * @param dstNotes the DST rule in words where it applies to the fire times shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(String name, Target target, String cron, String zone, String description, boolean paused,
                           String pausedBy, String pausedAt, String pausedReason, String misfire, long graceSeconds,
                           String overlap, Condition condition, List<String> nextFireTimes, FireView lastFire,
                           List<String> dstNotes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ScheduleView {
        nextFireTimes = nextFireTimes == null ? List.of() : List.copyOf(nextFireTimes);
        dstNotes = dstNotes == null || dstNotes.isEmpty() ? null : List.copyOf(dstNotes);
    }

    /** What a schedule enqueues: the same selections as an enqueue, with param overrides per job. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Target(String scope, String group, List<String> jobs, Map<String, Map<String, Object>> params) {
    }

    /** The only-if-changed probe: an SQL query or a command, with its timeout. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String sql, List<String> command, long timeoutSeconds) {
    }

    public static ScheduleView of(Schedule schedule, List<String> nextFireTimes, FireView lastFire,
                                  List<String> dstNotes) {
        ScheduleTarget target = schedule.target();
        return new ScheduleView(schedule.name().value(),
                new Target(target.scope().wireName(), target.group(), target.jobs(), target.params()),
                schedule.cron().text(), schedule.zone().getId(), schedule.cron().description(), schedule.isPaused(),
                schedule.isPaused() ? schedule.pause().by() : null,
                schedule.isPaused() ? schedule.pause().at().toString() : null,
                schedule.isPaused() ? schedule.pause().reason() : null,
                schedule.misfire().wireName(), schedule.grace().toSeconds(), schedule.overlap().wireName(),
                condition(schedule.condition()), nextFireTimes, lastFire, dstNotes);
    }

    /** The definition, read back as a schedule file entry is (so it is checked the same way). */
    public Schedule toSchedule() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("name", name);
        ObjectNode targetNode = entry.putObject("target");
        targetNode.put("scope", target.scope());
        if (target.group() != null) {
            targetNode.put("group", target.group());
        }
        if (target.jobs() != null && !target.jobs().isEmpty()) {
            target.jobs().forEach(targetNode.putArray("jobs")::add);
        }
        if (target.params() != null && !target.params().isEmpty()) {
            targetNode.set("params", JSON.valueToTree(target.params()));
        }
        entry.put("cron", cron);
        entry.put("zone", zone);
        entry.put("misfire", misfire);
        entry.put("graceSeconds", graceSeconds);
        entry.put("overlap", overlap);
        if (condition != null) {
            ObjectNode conditionNode = entry.putObject("condition");
            if (condition.sql() != null) {
                conditionNode.put("sql", condition.sql());
            } else if (condition.command() != null) {
                condition.command().forEach(conditionNode.putArray("command")::add);
            }
            conditionNode.put("timeoutSeconds", condition.timeoutSeconds());
        }
        entry.put("paused", paused);
        if (paused) {
            entry.put("pausedBy", pausedBy);
            entry.put("pausedAt", pausedAt);
            if (pausedReason != null) {
                entry.put("pausedReason", pausedReason);
            }
        }
        ScheduleDocument document = ScheduleReader.parseOne(entry.toString(), "schedule " + name,
                ScheduleDefaults.of(EnqueueRequest.localUser(), Clock.systemUTC()));
        if (!document.isValid()) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, document.problems().get(0).message());
        }
        return document.schedules().get(0);
    }

    private static Condition condition(ChangeProbe probe) {
        if (probe instanceof SqlProbe sql) {
            return new Condition(sql.sql(), null, sql.timeout().toSeconds());
        }
        if (probe instanceof CommandProbe command) {
            return new Condition(null, command.argv(), command.timeout().toSeconds());
        }
        return null;
    }
}
