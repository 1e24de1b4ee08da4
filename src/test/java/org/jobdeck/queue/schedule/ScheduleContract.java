package org.jobdeck.queue.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.UnknownGroupException;
import org.jobdeck.core.schedule.CommandProbe;
import org.jobdeck.core.schedule.CronExpression;
import org.jobdeck.core.schedule.MisfirePolicy;
import org.jobdeck.core.schedule.OverlapPolicy;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleName;
import org.jobdeck.core.schedule.ScheduleTarget;
import org.jobdeck.core.schedule.SqlProbe;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.BatchOrigin;
import org.jobdeck.queue.FireOutcome;
import org.jobdeck.queue.MutableClock;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.ScheduleExistsException;
import org.jobdeck.queue.ScheduleFire;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedules on a real database, with the clock moved by hand: a slot fires once, missed slots
 * are recorded and caught up by the misfire policy, the overlap policy and the only-if-changed
 * probe decide, pauses hold. Written once, run on H2 and PostgreSQL.
 */
public abstract class ScheduleContract {
    /** 2027-01-04T02:59:00Z, a Monday. */
    private static final Instant START = Instant.parse("2027-01-04T02:59:00Z");

    protected final MutableClock clock = new MutableClock();
    private final JobCatalog catalog = CatalogReader.readDefault().toCatalog();
    private Database database;
    private RunStore store;
    private ScheduleBook book;

    @TempDir
    Path dir;

    protected abstract DatabaseUrl freshDatabase();

    @BeforeEach
    void open() {
        clock.advance(START.toEpochMilli() - clock.millis());
        database = Database.open(freshDatabase(), 4);
        store = new RunStore(database, clock);
        book = new ScheduleBook(store, catalog);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Schedule.Builder nightly(String name, String group) {
        return Schedule.builder(ScheduleName.of(name), ScheduleTarget.group(group), CronExpression.parse("0 3 * * *"))
                .zone(ZoneOffset.UTC);
    }

    private void at(String instant) {
        clock.advance(Instant.parse(instant).toEpochMilli() - clock.millis());
    }

    private List<ScheduleFire> fires(String name) {
        return book.fires(name, 100);
    }

    private Batch batch(ScheduleFire fire) {
        return store.reads().batch(fire.batchId()).orElseThrow();
    }

    @Test
    void aSlotFiresOnceAtItsTimeWithItsOriginOnTheBatch() {
        book.create(nightly("nightly-maintenance", "maintenance").build());
        at("2027-01-04T03:00:00.400Z");
        book.attendAll();
        book.attendAll();

        assertThat(fires("nightly-maintenance")).singleElement().satisfies(fire -> {
            assertThat(fire.slot()).isEqualTo(Instant.parse("2027-01-04T03:00:00Z"));
            assertThat(fire.outcome()).isEqualTo(FireOutcome.ENQUEUED);
            Batch batch = batch(fire);
            assertThat(batch.origin()).isEqualTo(BatchOrigin.schedule("nightly-maintenance", fire.slot()));
            assertThat(batch.runs()).extracting(run -> run.jobName())
                    .containsExactly("stats-reconcile", "media-orphan-cleanup", "feed-presort-cleanup");
        });
    }

    @Test
    void misfireOnceCatchesUpTheLatestSlotWithinGraceAndRecordsTheOthersAsMissed() {
        book.create(nightly("n", "maintenance").build());
        at("2027-01-07T03:10:00Z"); // down through the slots of the 4th, 5th, 6th and 7th

        book.attendAll();

        List<ScheduleFire> fires = fires("n");
        assertThat(fires).extracting(ScheduleFire::slot, ScheduleFire::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2027-01-07T03:00:00Z"), FireOutcome.ENQUEUED),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2027-01-06T03:00:00Z"), FireOutcome.MISSED),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2027-01-05T03:00:00Z"), FireOutcome.MISSED),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2027-01-04T03:00:00Z"), FireOutcome.MISSED));
        assertThat(fires.get(1).reason()).isEqualTo("no Jobdeck process was running at this slot");
    }

    @Test
    void misfireSkipRecordsEveryMissedSlotAndFiresNone() {
        book.create(nightly("n", "maintenance").misfire(MisfirePolicy.SKIP).build());
        at("2027-01-05T03:10:00Z");

        book.attendAll();

        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsExactly(FireOutcome.MISSED, FireOutcome.MISSED);
    }

    @Test
    void aCatchUpBeyondTheGracePeriodDoesNotFire() {
        book.create(nightly("n", "maintenance").grace(Duration.ofMinutes(5)).build());
        at("2027-01-04T03:10:00Z");

        book.attendAll();

        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsExactly(FireOutcome.MISSED);
    }

    @Test
    void overlapSkipRecordsTheSlotAsSkippedWhileThePreviousBatchIsActive() {
        book.create(nightly("n", "maintenance").build());
        at("2027-01-04T03:00:01Z");
        book.attendAll();
        at("2027-01-05T03:00:01Z");
        book.attendAll();

        List<ScheduleFire> fires = fires("n");
        assertThat(fires.get(0).outcome()).isEqualTo(FireOutcome.SKIPPED);
        assertThat(fires.get(0).reason()).isEqualTo("previous batch " + fires.get(1).batchId() + " still active");
    }

    @Test
    void overlapQueueEnqueuesAnyway() {
        book.create(nightly("n", "maintenance").overlap(OverlapPolicy.QUEUE).build());
        at("2027-01-04T03:00:01Z");
        book.attendAll();
        at("2027-01-05T03:00:01Z");
        book.attendAll();

        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsOnly(FireOutcome.ENQUEUED).hasSize(2);
    }

    @Test
    void overlapCancelPreviousCancelsTheOldBatchsUnfinishedRunsThenEnqueues() {
        book.create(nightly("n", "maintenance").overlap(OverlapPolicy.CANCEL_PREVIOUS).build());
        at("2027-01-04T03:00:01Z");
        book.attendAll();
        String first = fires("n").get(0).batchId();
        at("2027-01-05T03:00:01Z");
        book.attendAll();

        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsOnly(FireOutcome.ENQUEUED).hasSize(2);
        assertThat(store.reads().batch(first).orElseThrow().runs()).allSatisfy(run -> {
            assertThat(run.state()).isEqualTo(RunState.CANCELLED);
            assertThat(run.error()).isEqualTo("cancelled: schedule n fired again");
        });
    }

    @Test
    void anUnchangedProbeSkipsTheSlotAndAChangedOneEnqueues() throws Exception {
        sql("CREATE TABLE probe_input (v INT)");
        sql("INSERT INTO probe_input VALUES (1)");
        book.create(nightly("n", "maintenance").overlap(OverlapPolicy.QUEUE)
                .condition(SqlProbe.of("SELECT MAX(v) FROM probe_input")).build());
        at("2027-01-04T03:00:01Z");
        book.attendAll();
        at("2027-01-05T03:00:01Z");
        book.attendAll();
        sql("INSERT INTO probe_input VALUES (2)");
        at("2027-01-06T03:00:01Z");
        book.attendAll();

        List<ScheduleFire> fires = fires("n");
        assertThat(fires).extracting(ScheduleFire::outcome)
                .containsExactly(FireOutcome.ENQUEUED, FireOutcome.SKIPPED, FireOutcome.ENQUEUED);
        assertThat(fires.get(1).reason()).isEqualTo("unchanged since batch " + fires.get(2).batchId());
    }

    @Test
    void aFailingProbeIsRecordedWithItsErrorAndNothingIsEnqueued() {
        book.create(nightly("n", "maintenance").condition(SqlProbe.of("SELECT MAX(v) FROM no_such_table")).build());
        at("2027-01-04T03:00:01Z");

        book.attendAll();

        assertThat(fires("n")).singleElement().satisfies(fire -> {
            assertThat(fire.outcome()).isEqualTo(FireOutcome.FAILED);
            assertThat(fire.reason()).startsWith("probe failed: ").containsIgnoringCase("no_such_table");
            assertThat(fire.batchId()).isNull();
        });
        assertThat(store.reads().countByState().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }

    @Test
    void aCommandProbesOutputIsItsFingerprint() throws Exception {
        Path input = dir.resolve("input.txt");
        Files.writeString(input, "one\n");
        book.create(nightly("n", "maintenance").overlap(OverlapPolicy.QUEUE)
                .condition(CommandProbe.of("cat", input.toString())).build());
        at("2027-01-04T03:00:01Z");
        book.attendAll();
        at("2027-01-05T03:00:01Z");
        book.attendAll();

        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsExactly(FireOutcome.SKIPPED, FireOutcome.ENQUEUED);
        assertThat(book.testProbe(book.require("n").schedule()).fingerprint()).isEqualTo("one");
    }

    @Test
    void aPausedScheduleFiresNothingAndItsResumeDoesNotCatchUpWhatItSkipped() {
        book.create(nightly("n", "maintenance").build());
        book.pause("n", "alice", "deploy 4.2");
        at("2027-01-06T03:00:01Z");
        book.attendAll();
        assertThat(fires("n")).isEmpty();
        assertThat(book.require("n").schedule().pause()).satisfies(pause -> {
            assertThat(pause.by()).isEqualTo("alice");
            assertThat(pause.reason()).isEqualTo("deploy 4.2");
        });

        at("2027-01-06T10:00:00Z");
        book.resume("n");
        book.attendAll();
        assertThat(fires("n")).as("the slots passed while paused are not this schedule's to catch up").isEmpty();

        at("2027-01-07T03:00:01Z");
        book.attendAll();
        assertThat(fires("n")).extracting(ScheduleFire::outcome).containsExactly(FireOutcome.ENQUEUED);
    }

    @Test
    void aRunByHandGoesTheSamePathAsOriginManual() {
        book.create(nightly("n", "maintenance").build());
        at("2027-01-04T01:00:00Z");

        Optional<ScheduleFire> fire = book.runNow("n", "bob");

        assertThat(fire).hasValueSatisfying(f -> {
            assertThat(f.manual()).isTrue();
            assertThat(f.outcome()).isEqualTo(FireOutcome.ENQUEUED);
            assertThat(batch(f).origin()).isEqualTo(BatchOrigin.manual("n"));
            assertThat(batch(f).requestedBy()).isEqualTo("bob");
        });
        assertThat(store.schedules().lastSlot("n")).as("a run by hand is no slot of the cron").isEmpty();
    }

    @Test
    void aTakenNameAndAnUnknownGroupAreRefusedAndNothingIsStored() {
        book.create(nightly("n", "maintenance").build());

        assertThatThrownBy(() -> book.create(nightly("n", "feed").build())).isInstanceOf(ScheduleExistsException.class)
                .hasMessage("A schedule named n exists already (change it with PUT, or remove it first)");
        assertThatThrownBy(() -> book.create(nightly("other", "nosuchgroup").build()))
                .isInstanceOf(UnknownGroupException.class);
        assertThat(book.all()).extracting(stored -> stored.schedule().target().group()).containsExactly("maintenance");
    }

    private void sql(String statement) throws Exception {
        DataSource source = database.dataSource();
        try (Connection connection = source.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
