package org.jobdeck.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.UnknownGroupException;
import org.jobdeck.core.catalog.UnknownJobException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed document's facts about the built-in catalog, checked against the resolver. */
class DefaultCatalogPlanTest {
    private static JobCatalog catalog;
    private static DependencyResolver resolver;

    @BeforeAll
    static void readDefaultCatalog() {
        CatalogDocument document = CatalogReader.readDefault();
        assertThat(document.problems()).isEmpty();
        catalog = document.toCatalog();
        resolver = new DependencyResolver(catalog);
    }

    @Test
    void defaultCatalogIsValidWithSeventeenJobsInSixGroups() {
        assertThat(CatalogReader.readDefault().isValid()).isTrue();
        assertThat(catalog.size()).isEqualTo(17);
        assertThat(catalog.groups()).extracting(g -> g.name())
                .containsExactly("matching", "feed", "search", "maintenance", "media", "quiz");
    }

    @Test
    void groupCountsMatchTheSeed() {
        assertThat(resolver.groupSummaries())
                .extracting(GroupSummary::name, GroupSummary::count)
                .containsExactly(
                        tuple("matching", 3), tuple("feed", 4), tuple("search", 4),
                        tuple("maintenance", 3), tuple("media", 2), tuple("quiz", 1));
    }

    @Test
    void groupSummariesListCrossGroupDependencies() {
        Map<String, List<String>> upstream = resolver.groupSummaries().stream()
                .collect(Collectors.toMap(GroupSummary::name, GroupSummary::dependsOnGroups));
        assertThat(upstream).containsOnly(
                Map.entry("matching", List.of()),
                Map.entry("feed", List.of("matching")),
                Map.entry("search", List.of("matching")),
                Map.entry("maintenance", List.of()),
                Map.entry("media", List.of()),
                Map.entry("quiz", List.of()));
    }

    @Test
    void groupsHoldTheSeedsJobsInDeclarationOrder() {
        assertThat(resolver.jobsOf("matching"))
                .containsExactly("build-user-traits", "match-scores", "compatibility");
        assertThat(resolver.jobsOf("feed"))
                .containsExactly("content-features", "trending", "affinity", "feed-presort");
        assertThat(resolver.jobsOf("search")).containsExactly("profile-search-index",
                "user-interest-sets", "searchable-user", "interest-relationships");
        assertThat(resolver.jobsOf("maintenance"))
                .containsExactly("stats-reconcile", "media-orphan-cleanup", "feed-presort-cleanup");
        assertThat(resolver.jobsOf("media")).containsExactly("media-metadata", "media-metadata-batch");
        assertThat(resolver.jobsOf("quiz")).containsExactly("quiz-answer-stats");
    }

    @Test
    void crossGroupDependenciesAreTheDocumentedOnes() {
        assertThat(dependenciesOf("feed-presort"))
                .containsExactly("match-scores", "affinity", "content-features");
        assertThat(dependenciesOf("profile-search-index")).containsExactly("build-user-traits");
        assertThat(dependenciesOf("searchable-user")).containsExactly("build-user-traits");

        List<String> crossGroupEdges = catalog.jobs().stream()
                .flatMap(job -> job.dependencies().stream()
                        .filter(dep -> !catalog.job(dep).orElseThrow().group().equals(job.group()))
                        .map(dep -> job.name() + " -> " + dep))
                .toList();
        assertThat(crossGroupEdges).containsExactlyInAnyOrder(
                "feed-presort -> match-scores",
                "profile-search-index -> build-user-traits",
                "searchable-user -> build-user-traits");
    }

    @Test
    void feedGroupPullsInMatchingDependencies() {
        Plan plan = resolver.resolveGroup("feed");

        assertThat(plan.scope()).isEqualTo(PlanScope.GROUP);
        assertThat(plan.group()).contains("feed");
        assertThat(plan.size()).isEqualTo(6);
        assertThat(plan.entries())
                .extracting(PlanEntry::position, PlanEntry::jobName, PlanEntry::group,
                        PlanEntry::reason, PlanEntry::wave, PlanEntry::requiredBy)
                .containsExactly(
                        tuple(1, "build-user-traits", "matching", InclusionReason.DEPENDENCY, 0,
                                List.of("match-scores")),
                        tuple(2, "content-features", "feed", InclusionReason.MEMBER, 0,
                                List.of("trending", "feed-presort")),
                        tuple(3, "affinity", "feed", InclusionReason.MEMBER, 0,
                                List.of("feed-presort")),
                        tuple(4, "match-scores", "matching", InclusionReason.DEPENDENCY, 1,
                                List.of("feed-presort")),
                        tuple(5, "trending", "feed", InclusionReason.MEMBER, 1, List.of()),
                        tuple(6, "feed-presort", "feed", InclusionReason.MEMBER, 2, List.of()));
    }

    @Test
    void feedPlanSummaryNamesMembersAndDependencyGroups() {
        Plan plan = resolver.resolveGroup("feed");

        assertThat(plan.summary()).isEqualTo("6 jobs: 4 members of feed, 2 dependencies from matching");
        assertThat(plan.memberCount()).isEqualTo(4);
        assertThat(plan.dependencyGroups()).containsExactly("matching");
    }

    @Test
    void feedPlanDoesNotPullInUnrelatedMatchingJobs() {
        assertThat(resolver.resolveGroup("feed").jobSet())
                .doesNotContain("compatibility", "profile-search-index", "searchable-user");
    }

    @Test
    void searchGroupPullsInOnlyBuildUserTraits() {
        Plan plan = resolver.resolveGroup("search");

        assertThat(plan.jobNames()).containsExactly("build-user-traits", "user-interest-sets",
                "interest-relationships", "profile-search-index", "searchable-user");
        assertThat(plan.entry("build-user-traits")).get()
                .extracting(PlanEntry::reason, PlanEntry::requiredBy)
                .containsExactly(InclusionReason.DEPENDENCY,
                        List.of("profile-search-index", "searchable-user"));
        assertThat(plan.summary())
                .isEqualTo("5 jobs: 4 members of search, 1 dependency from matching");
    }

    @Test
    void independentGroupsNeedNothingElse() {
        for (String group : List.of("maintenance", "media", "quiz")) {
            Plan plan = resolver.resolveGroup(group);
            assertThat(plan.entries()).allSatisfy(entry -> {
                assertThat(entry.reason()).isEqualTo(InclusionReason.MEMBER);
                assertThat(entry.wave()).isZero();
                assertThat(entry.group()).isEqualTo(group);
            });
            assertThat(plan.dependencyGroups()).isEmpty();
        }
        assertThat(resolver.resolveGroup("quiz").summary()).isEqualTo("1 job: 1 member of quiz");
    }

    @Test
    void enqueueAllPlansAllSeventeenJobsWaveByWave() {
        Plan plan = resolver.resolveAll();

        assertThat(plan.scope()).isEqualTo(PlanScope.ALL);
        assertThat(plan.group()).isEmpty();
        assertThat(plan.size()).isEqualTo(17);
        assertThat(plan.entries()).allSatisfy(e -> assertThat(e.reason()).isEqualTo(InclusionReason.MEMBER));
        assertThat(plan.entries()).extracting(PlanEntry::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(plan.jobNames()).containsExactly(
                // wave 0, in declaration order
                "build-user-traits", "content-features", "affinity", "user-interest-sets",
                "interest-relationships", "stats-reconcile", "media-orphan-cleanup",
                "feed-presort-cleanup", "media-metadata", "media-metadata-batch", "quiz-answer-stats",
                // wave 1
                "match-scores", "compatibility", "trending", "profile-search-index", "searchable-user",
                // wave 2
                "feed-presort");
        assertThat(plan.entry("feed-presort")).get().extracting(PlanEntry::wave).isEqualTo(2);
        assertThat(plan.entry("build-user-traits")).get().extracting(PlanEntry::requiredBy)
                .isEqualTo(List.of("match-scores", "compatibility", "profile-search-index",
                        "searchable-user"));
        assertThat(plan.summary()).isEqualTo("17 jobs: all jobs of 6 groups");
    }

    @Test
    void enqueueAllRunsEveryJobAfterItsDependencies() {
        List<String> order = resolver.resolveAll().jobNames();
        for (JobDefinition job : catalog.jobs()) {
            for (String dependency : job.dependencies()) {
                assertThat(order.indexOf(dependency))
                        .as("%s before %s", dependency, job.name())
                        .isLessThan(order.indexOf(job.name()));
            }
        }
    }

    @Test
    void resolveJobsPullsInDependenciesFromAnotherGroup() {
        Plan plan = resolver.resolveJobs(List.of("feed-presort"));

        assertThat(plan.scope()).isEqualTo(PlanScope.JOBS);
        assertThat(plan.requestedJobs()).containsExactly("feed-presort");
        assertThat(plan.entries())
                .extracting(PlanEntry::jobName, PlanEntry::group, PlanEntry::reason, PlanEntry::wave)
                .containsExactly(
                        tuple("build-user-traits", "matching", InclusionReason.DEPENDENCY, 0),
                        tuple("content-features", "feed", InclusionReason.DEPENDENCY, 0),
                        tuple("affinity", "feed", InclusionReason.DEPENDENCY, 0),
                        tuple("match-scores", "matching", InclusionReason.DEPENDENCY, 1),
                        tuple("feed-presort", "feed", InclusionReason.MEMBER, 2));
        assertThat(plan.summary())
                .isEqualTo("5 jobs: 1 selected, 4 dependencies from matching, feed");
    }

    @Test
    void resolveJobsAcrossGroupsMarksEveryNamedJobAsMember() {
        Plan plan = resolver.resolveJobs(List.of("searchable-user", "trending", "searchable-user"));

        assertThat(plan.requestedJobs()).containsExactly("searchable-user", "trending");
        assertThat(plan.entries())
                .extracting(PlanEntry::jobName, PlanEntry::reason, PlanEntry::requiredBy)
                .containsExactly(
                        tuple("build-user-traits", InclusionReason.DEPENDENCY, List.of("searchable-user")),
                        tuple("content-features", InclusionReason.DEPENDENCY, List.of("trending")),
                        tuple("trending", InclusionReason.MEMBER, List.of()),
                        tuple("searchable-user", InclusionReason.MEMBER, List.of()));
    }

    @Test
    void namingADependencyMakesItAMember() {
        Plan plan = resolver.resolveJobs(List.of("match-scores", "build-user-traits"));

        assertThat(plan.entries()).extracting(PlanEntry::jobName, PlanEntry::reason)
                .containsExactly(tuple("build-user-traits", InclusionReason.MEMBER),
                        tuple("match-scores", InclusionReason.MEMBER));
        assertThat(plan.summary()).isEqualTo("2 jobs: 2 selected");
    }

    @Test
    void unknownGroupIsRejectedWithTheKnownGroups() {
        assertThatThrownBy(() -> resolver.resolveGroup("fed"))
                .isInstanceOf(UnknownGroupException.class)
                .isInstanceOf(CatalogException.class)
                .hasMessage("Unknown group: fed (known groups: matching, feed, search, maintenance, "
                        + "media, quiz)")
                .extracting(e -> ((UnknownGroupException) e).group()).isEqualTo("fed");
    }

    @Test
    void unknownJobCloseToAKnownOneSuggestsIt() {
        assertThatThrownBy(() -> resolver.resolveJobs(List.of("trending", "feed-presrot")))
                .isInstanceOf(UnknownJobException.class)
                .hasMessage("Unknown job: feed-presrot (did you mean feed-presort?)")
                .extracting(e -> ((UnknownJobException) e).job()).isEqualTo("feed-presrot");
    }

    @Test
    void unknownJobFarFromEveryNameListsKnownJobs() {
        assertThatThrownBy(() -> resolver.resolveJobs(List.of("nightly-backup-of-everything")))
                .isInstanceOf(UnknownJobException.class)
                .hasMessageStartingWith("Unknown job: nightly-backup-of-everything (known jobs: "
                        + "build-user-traits, match-scores, compatibility,")
                .hasMessageEndingWith(", … 5 more)");
    }

    @Test
    void emptyJobSelectionIsRejected() {
        assertThatThrownBy(() -> resolver.resolveJobs(List.of()))
                .isInstanceOf(CatalogException.class)
                .hasMessage("No jobs selected: name at least one job");
    }

    @Test
    void planEntriesAreImmutable() {
        Plan plan = resolver.resolveGroup("feed");
        assertThatThrownBy(() -> plan.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> plan.entries().get(0).requiredBy().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> dependenciesOf(String job) {
        return catalog.job(job).orElseThrow().dependencies();
    }
}
