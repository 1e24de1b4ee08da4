package org.jobdeck.ui.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.util.DirectTaskExecutor;
import org.junit.jupiter.api.Test;

/** The feed's batches reach the UI thread together when it was busy, and in order. */
class ChangeBatcherTest {
    private final DirectTaskExecutor executor = new DirectTaskExecutor();
    private final List<List<String>> applied = new ArrayList<>();
    private final ChangeBatcher batcher = new ChangeBatcher(executor,
            changes -> applied.add(changes.stream().map(RunView::jobRunId).toList()));

    private static RunView view(String id) {
        return new RunView(id, "trending", "feed", RunStatus.QUEUED, 1, 3, "1", 1, List.of(), Map.of(), null, null,
                null, null, "queued: ready to run", null, new RunView.Progress(0, 0, null), 1);
    }

    @Test
    void batchesThatArriveWhileTheUiThreadIsBusyAreAppliedAsOne() throws Exception {
        Thread feed = new Thread(() -> {
            batcher.arrived(List.of(view("1"), view("2")));
            batcher.arrived(List.of(view("3")));
        });
        feed.start();
        feed.join();

        assertThat(executor.runPending()).as("one drain for both batches").isOne();
        assertThat(applied).containsExactly(List.of("1", "2", "3"));

        Thread later = new Thread(() -> batcher.arrived(List.of(view("4"))));
        later.start();
        later.join();
        executor.runPending();
        assertThat(applied).containsExactly(List.of("1", "2", "3"), List.of("4"));
    }
}
