package org.jobdeck.demo.data;

/** What a generation deliberately got wrong, for the maintenance and media jobs to find. */
public record GenerationReport(int orphanedMedia, int corruptMedia, int driftedCounters) {
}
