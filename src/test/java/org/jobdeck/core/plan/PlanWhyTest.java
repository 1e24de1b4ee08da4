package org.jobdeck.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jobdeck.core.catalog.CatalogReader;
import org.junit.jupiter.api.Test;

class PlanWhyTest {
    private final DependencyResolver resolver =
            new DependencyResolver(CatalogReader.readDefault().toCatalog());

    private String why(Plan plan, String job) {
        return plan.why(plan.entry(job).orElseThrow());
    }

    @Test
    void membersOfAGroupSayWhichGroup() {
        assertThat(why(resolver.resolveGroup("feed"), "trending")).isEqualTo("member of feed");
    }

    @Test
    void aDirectDependencyNamesTheSelectedJobsThatNeedIt() {
        assertThat(why(resolver.resolveGroup("feed"), "match-scores")).isEqualTo("required by feed-presort");
    }

    @Test
    void aDeeperDependencyShowsThePathUpToASelectedJob() {
        assertThat(why(resolver.resolveGroup("feed"), "build-user-traits"))
                .isEqualTo("required by match-scores → feed-presort");
    }

    @Test
    void namedJobsAreSelectedAndTheirDependenciesSayWho() {
        Plan plan = resolver.resolveJobs(List.of("trending", "feed-presort"));

        assertThat(why(plan, "feed-presort")).isEqualTo("selected");
        assertThat(why(plan, "content-features")).isEqualTo("required by trending, feed-presort");
    }

    @Test
    void everyJobOfAnAllPlanIsPartOfIt() {
        assertThat(why(resolver.resolveAll(), "build-user-traits")).isEqualTo("part of all jobs");
    }
}
