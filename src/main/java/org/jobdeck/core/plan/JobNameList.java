package org.jobdeck.core.plan;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.jobdeck.core.catalog.JobCatalog;

/** An immutable list of job names backed by declaration indices, so plans copy no strings. */
final class JobNameList extends AbstractList<String> implements RandomAccess {
    private final JobCatalog catalog;
    private final int[] jobs;

    JobNameList(JobCatalog catalog, int[] jobs) {
        this.catalog = catalog;
        this.jobs = jobs;
    }

    @Override
    public String get(int index) {
        return catalog.job(jobs[index]).name();
    }

    @Override
    public int size() {
        return jobs.length;
    }
}
