package org.jobdeck.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem form of the issue, from small catalogs; validation never stops at the first. */
class CatalogValidationTest {

    private static CatalogDocument parse(String json) {
        return CatalogReader.parse(json, "catalog.json");
    }

    private static List<String> problems(String json) {
        return parse(json).problems().stream().map(CatalogProblem::message).toList();
    }

    private static List<String> cycleLines(String json) {
        return problems(json).stream().filter(p -> p.startsWith("Circular dependency detected: ")).toList();
    }

    @Test
    void wellFormedCatalogHasNoProblems() {
        CatalogDocument document = parse("""
                {
                  "groups": [{"name": "g", "title": "G", "purpose": "testing"}],
                  "jobs": [
                    {"name": "job-a", "description": "A", "group": "g", "dependencies": [], "examples": ["a"]},
                    {"name": "job-b", "description": "B", "group": "g", "dependencies": ["job-a"],
                     "defaultParams": {"n": 1, "s": "x", "b": true}, "examples": ["b"],
                     "command": ["echo", "hi"], "maxAttempts": 3, "retryDelaySeconds": 0, "timeoutSeconds": 5}
                  ]
                }
                """);

        assertThat(document.problems()).isEmpty();
        assertThat(document.isValid()).isTrue();
        JobCatalog catalog = document.toCatalog();
        assertThat(catalog.jobs()).extracting(JobDefinition::name).containsExactly("job-a", "job-b");
        assertThat(catalog.job("job-b")).get().satisfies(job -> {
            assertThat(job.dependencies()).containsExactly("job-a");
            assertThat(job.defaultParams()).containsExactly(
                    Map.entry("n", 1), Map.entry("s", "x"), Map.entry("b", true));
            assertThat(job.command()).containsExactly("echo", "hi");
            assertThat(job.maxAttempts()).isEqualTo(3);
        });
    }

    @Nested
    class Dependencies {
        @Test
        void missingDependencyNamesTheJobThatRequiresIt() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "job-y", "description": "Y", "group": "g", "dependencies": ["job-x"], "examples": []}
                    ]}
                    """)).containsExactly("Dependency not found: job-x (required by job-y)");
        }

        @Test
        void dependencyListedTwiceIsReported() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "job-a", "description": "A", "group": "g", "examples": []},
                      {"name": "job-b", "description": "B", "group": "g", "dependencies": ["job-a", "job-a"], "examples": []}
                    ]}
                    """)).containsExactly("Job job-b: dependency 'job-a' is listed twice");
        }

        @Test
        void threeJobCycleIsReportedAlongItsRealPath() {
            CatalogDocument document = parse("""
                    {"jobs": [
                      {"name": "job-a", "description": "A", "group": "g", "dependencies": ["job-b"], "examples": []},
                      {"name": "job-b", "description": "B", "group": "g", "dependencies": ["job-c"], "examples": []},
                      {"name": "job-c", "description": "C", "group": "g", "dependencies": ["job-a"], "examples": []}
                    ]}
                    """);

            assertThat(document.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.message())
                        .isEqualTo("Circular dependency detected: job-a -> job-b -> job-c -> job-a");
                assertThat(problem.cycle()).containsExactly("job-a", "job-b", "job-c", "job-a");
            });
        }

        @Test
        void cycleStartsAtTheFirstDeclaredJobOfItsComponent() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "job-c", "description": "C", "group": "g", "dependencies": ["job-a"], "examples": []},
                      {"name": "job-a", "description": "A", "group": "g", "dependencies": ["job-b"], "examples": []},
                      {"name": "job-b", "description": "B", "group": "g", "dependencies": ["job-c"], "examples": []}
                    ]}
                    """)).containsExactly("Circular dependency detected: job-c -> job-a -> job-b -> job-c");
        }

        @Test
        void selfDependencyIsACycleOfOne() {
            CatalogDocument document = parse("""
                    {"jobs": [
                      {"name": "job-a", "description": "A", "group": "g", "dependencies": ["job-a"], "examples": []}
                    ]}
                    """);

            assertThat(document.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.message()).isEqualTo("Circular dependency detected: job-a -> job-a");
                assertThat(problem.cycle()).containsExactly("job-a", "job-a");
            });
        }

        @Test
        void twoSeparateCyclesGiveTwoLines() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "a1", "description": "d", "group": "g", "dependencies": ["a2"], "examples": []},
                      {"name": "a2", "description": "d", "group": "g", "dependencies": ["a1"], "examples": []},
                      {"name": "ok", "description": "d", "group": "g", "dependencies": ["a1", "b1"], "examples": []},
                      {"name": "b1", "description": "d", "group": "g", "dependencies": ["b2"], "examples": []},
                      {"name": "b2", "description": "d", "group": "g", "dependencies": ["b3"], "examples": []},
                      {"name": "b3", "description": "d", "group": "g", "dependencies": ["b1"], "examples": []}
                    ]}
                    """)).containsExactly(
                    "Circular dependency detected: a1 -> a2 -> a1",
                    "Circular dependency detected: b1 -> b2 -> b3 -> b1");
        }

        @Test
        void jobsThatOnlyDependOnACycleAreNotReportedAsCycles() {
            assertThat(cycleLines("""
                    {"jobs": [
                      {"name": "top", "description": "d", "group": "g", "dependencies": ["x"], "examples": []},
                      {"name": "x", "description": "d", "group": "g", "dependencies": ["y"], "examples": []},
                      {"name": "y", "description": "d", "group": "g", "dependencies": ["x"], "examples": []}
                    ]}
                    """)).containsExactly("Circular dependency detected: x -> y -> x");
        }

        @Test
        void tangledComponentReportsAtLeastOneRealCycle() {
            // One strongly connected component holding the cycles a->b->a and b->c->b.
            String json = """
                    {"jobs": [
                      {"name": "a", "description": "d", "group": "g", "dependencies": ["b"], "examples": []},
                      {"name": "b", "description": "d", "group": "g", "dependencies": ["c", "a"], "examples": []},
                      {"name": "c", "description": "d", "group": "g", "dependencies": ["b"], "examples": []}
                    ]}
                    """;
            CatalogDocument document = parse(json);
            Map<String, List<String>> deps = Map.of("a", List.of("b"), "b", List.of("c", "a"), "c", List.of("b"));

            assertThat(document.problems()).isNotEmpty().allSatisfy(problem -> {
                List<String> cycle = problem.cycle();
                assertThat(cycle).hasSizeGreaterThanOrEqualTo(2);
                assertThat(cycle.get(0)).isEqualTo(cycle.get(cycle.size() - 1));
                for (int i = 0; i + 1 < cycle.size(); i++) {
                    assertThat(deps.get(cycle.get(i))).contains(cycle.get(i + 1));
                }
                assertThat(problem.message())
                        .isEqualTo("Circular dependency detected: " + String.join(" -> ", cycle));
            });
        }
    }

    @Nested
    class NamesAndGroups {
        @Test
        void duplicateJobNameIsReportedOncePerRepeat() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "job-x", "description": "one", "group": "g", "examples": []},
                      {"name": "job-x", "description": "two", "group": "g", "examples": []},
                      {"name": "job-x", "description": "three", "group": "g", "examples": []}
                    ]}
                    """)).containsExactly("Duplicate job name: job-x", "Duplicate job name: job-x");
        }

        @Test
        void unknownGroupIsReportedWhenGroupsAreDeclared() {
            assertThat(problems("""
                    {"groups": [{"name": "matching"}],
                     "jobs": [
                      {"name": "job-x", "description": "X", "group": "g", "examples": []},
                      {"name": "job-y", "description": "Y", "group": "matching", "examples": []}
                    ]}
                    """)).containsExactly("Unknown group: g (job job-x)");
        }

        @Test
        void groupsAreInferredInOrderOfAppearanceWhenNoneAreDeclared() {
            CatalogDocument document = parse("""
                    {"jobs": [
                      {"name": "job-x", "description": "X", "group": "second", "examples": []},
                      {"name": "job-y", "description": "Y", "group": "first", "examples": []},
                      {"name": "job-z", "description": "Z", "group": "second", "examples": []}
                    ]}
                    """);

            assertThat(document.problems()).isEmpty();
            assertThat(document.toCatalog().groups()).extracting(JobGroup::name)
                    .containsExactly("second", "first");
        }

        @Test
        void duplicateGroupNameIsReported() {
            assertThat(problems("""
                    {"groups": [{"name": "g"}, {"name": "g"}],
                     "jobs": [{"name": "job-x", "description": "X", "group": "g", "examples": []}]}
                    """)).containsExactly("Duplicate group name: g");
        }
    }

    @Nested
    class RequiredFields {
        @Test
        void missingDescriptionIsReported() {
            assertThat(problems("""
                    {"jobs": [{"name": "job-x", "group": "g", "examples": []}]}
                    """)).containsExactly("Job job-x: missing required field 'description'");
        }

        @Test
        void blankDescriptionCountsAsMissing() {
            assertThat(problems("""
                    {"jobs": [{"name": "job-x", "description": "  ", "group": "g", "examples": []}]}
                    """)).containsExactly("Job job-x: missing required field 'description'");
        }

        @Test
        void missingGroupIsReported() {
            assertThat(problems("""
                    {"groups": [{"name": "g"}],
                     "jobs": [{"name": "job-x", "description": "X", "examples": []}]}
                    """)).containsExactly("Job job-x: missing required field 'group'");
        }

        @Test
        void missingExamplesIsReported() {
            assertThat(problems("""
                    {"jobs": [{"name": "job-x", "description": "X", "group": "g"}]}
                    """)).containsExactly("Job job-x: missing required field 'examples'");
        }

        @Test
        void nullExamplesCountAsMissing() {
            assertThat(problems("""
                    {"jobs": [{"name": "job-x", "description": "X", "group": "g", "examples": null}]}
                    """)).containsExactly("Job job-x: missing required field 'examples'");
        }

        @Test
        void missingNameIsReportedByPosition() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "job-a", "description": "A", "group": "g", "examples": []},
                      {"description": "no name", "group": "g", "examples": []}
                    ]}
                    """)).containsExactly("Job #2: missing required field 'name'");
        }

        @Test
        void missingJobsIsReported() {
            assertThat(problems("""
                    {"groups": []}
                    """)).containsExactly("Catalog: missing required field 'jobs'");
        }

        @Test
        void groupWithoutNameIsReported() {
            assertThat(problems("""
                    {"groups": [{"title": "nameless"}], "jobs": []}
                    """)).containsExactly("Group #1: missing required field 'name'");
        }
    }

    @Nested
    class UnknownFields {
        @Test
        void typoInJobFieldIsReported() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "x", "description": "X", "group": "g", "dependecies": ["y"], "examples": []}
                    ]}
                    """)).containsExactly("Job x: unknown field 'dependecies'");
        }

        @Test
        void unknownFieldOfTheCatalogIsReported() {
            assertThat(problems("""
                    {"groups": [], "jobs": [], "job": []}
                    """)).containsExactly("Catalog: unknown field 'job'");
        }

        @Test
        void unknownFieldOfAGroupIsReported() {
            assertThat(problems("""
                    {"groups": [{"name": "g", "titel": "G"}], "jobs": []}
                    """)).containsExactly("Group g: unknown field 'titel'");
        }

        @Test
        void unknownFieldOfANamelessJobUsesItsPosition() {
            assertThat(problems("""
                    {"jobs": [{"nmae": "x", "description": "X", "group": "g", "examples": []}]}
                    """)).containsExactly("Job #1: unknown field 'nmae'", "Job #1: missing required field 'name'");
        }

        @Test
        void everyUnknownFieldAtEveryLevelIsReported() {
            assertThat(problems("""
                    {"groups": [{"name": "g", "colour": "red"}],
                     "jobs": [{"name": "x", "description": "X", "group": "g", "examples": [],
                               "retries": 3, "dependecies": []}],
                     "version": 2}
                    """)).containsExactlyInAnyOrder(
                    "Catalog: unknown field 'version'",
                    "Group g: unknown field 'colour'",
                    "Job x: unknown field 'retries'",
                    "Job x: unknown field 'dependecies'");
        }
    }

    @Nested
    class WrongTypes {
        @Test
        void dependenciesMustBeAnArrayOfStrings() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "a", "description": "A", "group": "g", "dependencies": "b", "examples": []},
                      {"name": "b", "description": "B", "group": "g", "dependencies": [1], "examples": []}
                    ]}
                    """)).containsExactly(
                    "Job a: field 'dependencies' must be an array of strings",
                    "Job b: field 'dependencies' must be an array of strings");
        }

        @Test
        void examplesMustBeAnArrayOfStrings() {
            assertThat(problems("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": "run it"}]}
                    """)).containsExactly("Job a: field 'examples' must be an array of strings");
        }

        @Test
        void descriptionMustBeAString() {
            assertThat(problems("""
                    {"jobs": [{"name": "a", "description": 42, "group": "g", "examples": []}]}
                    """)).contains("Job a: field 'description' must be a string");
        }

        @Test
        void nameThatIsNotAStringIsReportedByPosition() {
            assertThat(problems("""
                    {"jobs": [{"name": 7, "description": "A", "group": "g", "examples": []}]}
                    """)).containsExactly(
                    "Job #1: field 'name' must be a string", "Job #1: missing required field 'name'");
        }

        @Test
        void jobThatIsNotAnObjectIsReported() {
            assertThat(problems("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": []}, "b"]}
                    """)).containsExactly("Job #2: must be an object");
        }

        @Test
        void groupsAndJobsMustBeArrays() {
            assertThat(problems("""
                    {"groups": {"name": "g"}, "jobs": {"name": "a"}}
                    """)).containsExactly(
                    "Catalog: field 'groups' must be an array", "Catalog: field 'jobs' must be an array");
        }

        @Test
        void defaultParamsHoldOnlyScalars() {
            assertThat(problems("""
                    {"jobs": [
                      {"name": "a", "description": "A", "group": "g", "examples": [], "defaultParams": {"ids": [1, 2]}},
                      {"name": "b", "description": "B", "group": "g", "examples": [], "defaultParams": 5}
                    ]}
                    """)).containsExactly(
                    "Job a: defaultParams.ids must be a number, string or boolean",
                    "Job b: field 'defaultParams' must be an object");
        }

        @Test
        void executionSettingsMustBeWholeNumbersInRange() {
            assertThat(problems("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": [],
                               "maxAttempts": 0, "retryDelaySeconds": -1, "timeoutSeconds": 1.5}]}
                    """)).containsExactly(
                    "Job a: field 'maxAttempts' must be a whole number of at least 1",
                    "Job a: field 'retryDelaySeconds' must be a whole number of at least 0",
                    "Job a: field 'timeoutSeconds' must be a whole number of at least 1");
        }

        @Test
        void emptyCommandIsReported() {
            assertThat(problems("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": [], "command": []}]}
                    """)).containsExactly("Job a: field 'command' must name a program");
        }
    }

    @Nested
    class InvalidJson {
        @Test
        void syntaxErrorIsReportedWithOriginLineAndColumn() {
            // The stray '}' sits on line 3, column 18 (after 4 spaces and {"name": "a",).
            assertThat(problems("""
                    {
                      "jobs": [
                        {"name": "a",}
                      ]
                    }
                    """)).singleElement().asString()
                    .startsWith("catalog.json:3:18: invalid JSON: ")
                    .contains("'}'");
        }

        @Test
        void unterminatedDocumentIsReportedAsInvalidJson() {
            assertThat(problems("""
                    {"jobs": [
                    """)).singleElement().asString()
                    .matches("catalog\\.json:\\d+:\\d+: invalid JSON: .+");
        }

        @Test
        void duplicateKeyIsInvalidJson() {
            assertThat(problems("""
                    {"jobs": [], "jobs": []}
                    """)).singleElement().asString()
                    .startsWith("catalog.json:1:")
                    .contains("invalid JSON: ")
                    .contains("Duplicate field 'jobs'");
        }

        @Test
        void trailingContentAfterTheCatalogIsInvalidJson() {
            CatalogDocument document = parse("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": []}]}
                    }
                    """);

            assertThat(document.isValid()).isFalse();
            assertThat(document.problems()).singleElement()
                    .extracting(CatalogProblem::message).asString()
                    .startsWith("catalog.json:2:")
                    .contains("invalid JSON");
        }

        @Test
        void documentThatIsNotAnObjectIsRejected() {
            assertThat(problems("[]"))
                    .containsExactly("catalog.json: a catalog is a JSON object with \"groups\" and \"jobs\"");
            assertThat(problems(""))
                    .containsExactly("catalog.json: a catalog is a JSON object with \"groups\" and \"jobs\"");
        }

        @Test
        void fileIsNamedByItsPathInSyntaxErrors(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("broken.json");
            Files.writeString(file, "{\n\"jobs\": [,]\n}\n");

            CatalogDocument document = CatalogReader.read(file);

            assertThat(document.origin()).isEqualTo(file.toString());
            assertThat(document.problems()).singleElement().extracting(CatalogProblem::message)
                    .asString().startsWith(file + ":2:").contains("invalid JSON");
            assertThatThrownBy(document::toCatalog).isInstanceOf(InvalidCatalogException.class);
        }

        @Test
        void missingFileIsACatalogException(@TempDir Path dir) {
            Path missing = dir.resolve("nope.json");
            assertThatThrownBy(() -> CatalogReader.read(missing))
                    .isInstanceOf(CatalogException.class)
                    .isNotInstanceOf(InvalidCatalogException.class)
                    .hasMessage("Cannot read catalog " + missing + ": no such file");
        }
    }

    @Nested
    class EveryProblemAtOnce {
        private static final String MANY_PROBLEMS = """
                {"groups": [{"name": "matching"}, {"name": "feed"}],
                 "jobs": [
                  {"name": "job-y", "description": "Y", "group": "matching", "dependencies": ["job-x"], "examples": []},
                  {"name": "dup", "description": "first", "group": "matching", "examples": []},
                  {"name": "dup", "description": "second", "group": "matching", "examples": []},
                  {"name": "lost", "description": "L", "group": "g", "examples": []},
                  {"name": "bare", "group": "feed", "examples": []},
                  {"name": "typo", "description": "T", "group": "feed", "dependecies": [], "examples": []},
                  {"name": "job-a", "description": "A", "group": "feed", "dependencies": ["job-b"], "examples": []},
                  {"name": "job-b", "description": "B", "group": "feed", "dependencies": ["job-c"], "examples": []},
                  {"name": "job-c", "description": "C", "group": "feed", "dependencies": ["job-a"], "examples": []},
                  {"name": "self", "description": "S", "group": "feed", "dependencies": ["self"], "examples": []}
                 ]}
                """;
        private static final List<String> EXPECTED = List.of(
                "Job typo: unknown field 'dependecies'",
                "Duplicate job name: dup",
                "Dependency not found: job-x (required by job-y)",
                "Unknown group: g (job lost)",
                "Job bare: missing required field 'description'",
                "Circular dependency detected: job-a -> job-b -> job-c -> job-a",
                "Circular dependency detected: self -> self");

        @Test
        void documentListsEveryProblem() {
            assertThat(problems(MANY_PROBLEMS)).containsExactlyInAnyOrderElementsOf(EXPECTED);
        }

        @Test
        void structuralProblemsComeBeforeValidationProblems() {
            assertThat(problems(MANY_PROBLEMS).get(0)).isEqualTo("Job typo: unknown field 'dependecies'");
        }

        @Test
        void toCatalogThrowsWithEveryProblem() {
            CatalogDocument document = parse(MANY_PROBLEMS);
            assertThat(document.isValid()).isFalse();

            InvalidCatalogException thrown = catchThrowableOfType(InvalidCatalogException.class,
                    document::toCatalog);

            assertThat(thrown.problems()).extracting(CatalogProblem::message)
                    .containsExactlyInAnyOrderElementsOf(EXPECTED);
            assertThat(thrown.getMessage().split("\n")).containsExactlyInAnyOrderElementsOf(EXPECTED);
            assertThat(thrown.problems()).filteredOn(p -> !p.cycle().isEmpty())
                    .extracting(CatalogProblem::cycle)
                    .containsExactlyInAnyOrder(List.of("job-a", "job-b", "job-c", "job-a"),
                            List.of("self", "self"));
        }

        @Test
        void aSingleStructuralProblemAlsoPreventsLoading() {
            CatalogDocument document = parse("""
                    {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": [], "extra": 1}]}
                    """);

            assertThatThrownBy(document::toCatalog)
                    .isInstanceOf(InvalidCatalogException.class)
                    .hasMessage("Job a: unknown field 'extra'");
        }
    }

    @Nested
    class BuiltInCode {
        @Test
        void jobCatalogOfRejectsInvalidDefinitionsWithEveryProblem() {
            List<JobDefinition> jobs = List.of(
                    JobDefinition.of("job-a", "A", "g", List.of("job-b"), null, List.of("a")),
                    JobDefinition.of("job-b", "B", "g", List.of("job-a"), null, List.of("b")),
                    JobDefinition.of("job-c", "", "h", List.of("job-z"), null, List.of("c")));

            InvalidCatalogException thrown = catchThrowableOfType(InvalidCatalogException.class,
                    () -> JobCatalog.of(List.of(new JobGroup("g", "G", "")), jobs));

            assertThat(thrown.problems()).extracting(CatalogProblem::message).containsExactlyInAnyOrder(
                    "Job job-c: missing required field 'description'",
                    "Unknown group: h (job job-c)",
                    "Dependency not found: job-z (required by job-c)",
                    "Circular dependency detected: job-a -> job-b -> job-a");
        }

        @Test
        void jobCatalogOfInfersGroupsWhenNoneAreGiven() {
            JobCatalog catalog = JobCatalog.of(null, List.of(
                    JobDefinition.of("x", "X", "beta", List.of(), Map.of(), List.of("x")),
                    JobDefinition.of("y", "Y", "alpha", List.of("x"), Map.of(), List.of("y"))));

            assertThat(catalog.groups()).extracting(JobGroup::name).containsExactly("beta", "alpha");
            assertThat(catalog.group("alpha")).get().extracting(JobGroup::title).isEqualTo("alpha");
        }
    }
}
