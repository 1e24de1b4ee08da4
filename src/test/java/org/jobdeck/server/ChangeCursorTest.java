package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event stream's position in the run changes: what a poll returns, and what a resume replays. */
class ChangeCursorTest {
    private EmbeddedJobsApi api;

    @BeforeEach
    void open() {
        api = EmbeddedJobsApi.open(CatalogReader.readDefault().toCatalog(), TestDatabases.h2(), new HandlerRegistry(), null);
    }

    @AfterEach
    void close() {
        api.close();
    }

    private List<String> ids(List<Run> runs) {
        return runs.stream().map(run -> run.id() + "@" + run.version()).toList();
    }

    @Test
    void aPollReturnsEachChangeOnce() {
        ChangeCursor cursor = new ChangeCursor(api.store(), api.store().now());
        api.enqueue(EnqueueRequest.of(PlanRequest.group("matching"), "test"));

        assertThat(cursor.poll().runs()).hasSize(3);
        assertThat(cursor.poll().runs()).as("nothing changed since").isEmpty();

        String traits = api.runs(org.jobdeck.api.RunFilter.latest(10)).get(2).jobRunId();
        api.cancel(traits);
        List<Run> changed = cursor.poll().runs();
        assertThat(changed).extracting(Run::id).contains(traits);
        assertThat(changed).allSatisfy(run -> assertThat(run.version()).isPositive());
    }

    @Test
    void aCursorResumedFromAnEarlierPositionReplaysWhatCameAfterIt() {
        long position = api.store().now();
        api.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "test"));
        api.enqueue(EnqueueRequest.of(PlanRequest.group("media"), "test"));

        ChangeCursor resumed = new ChangeCursor(api.store(), position);
        ChangeCursor.Poll poll = resumed.poll();

        assertThat(poll.runs()).hasSize(3);
        assertThat(poll.more()).isFalse();
        assertThat(ids(poll.runs())).doesNotHaveDuplicates();
    }

    @Test
    void aPositionAheadOfEveryChangeReplaysNothing() {
        api.enqueue(EnqueueRequest.of(PlanRequest.group("quiz"), "test"));
        ChangeCursor cursor = new ChangeCursor(api.store(), api.store().now() + 60_000);

        assertThat(cursor.poll().runs()).as("older than the position minus the overlap").isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(cursor.poll().runs()).isEmpty();
        }
    }
}
