package org.jobdeck.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a catalog declares about params ({@code params}, {@code defaultParams},
 * {@code additionalParams}) is validated like the rest of the catalog: every problem at once,
 * one line each, naming the job and the param.
 */
class ParamDeclarationTest {

    /** The problems of a catalog of one job "a" whose other fields are {@code fields}. */
    private static List<String> problems(String fields) {
        return CatalogReader.parse("{\"jobs\": [{\"name\": \"a\", \"description\": \"A\", \"group\": \"g\","
                + " \"examples\": [], " + fields + "}]}", "catalog.json").problems().stream()
                .map(CatalogProblem::message).toList();
    }

    private static List<String> declaring(String params) {
        return problems("\"params\": {" + params + "}");
    }

    @Test
    void aFullDeclarationIsReadInOrderAndDefaultParamsKeysAreDeclaredByTheirDefaults() {
        JobCatalog catalog = CatalogReader.parse("""
                {"jobs": [{"name": "a", "description": "A", "group": "g", "examples": [],
                  "defaultParams": {"batchSize": 100, "mode": "fast", "dryRun": false},
                  "params": {
                    "userId": {"type": "integer", "description": "Only this user", "min": 1},
                    "mode": {"type": "string", "enum": ["fast", "slow"], "description": "How"},
                    "ratio": {"type": "number", "default": 0.5, "min": 0, "max": 1, "required": true}
                  }}]}
                """, "catalog.json").toCatalog();
        JobDefinition job = catalog.job("a").orElseThrow();

        assertThat(JobParams.declared(job)).containsOnlyKeys("userId", "mode", "ratio", "batchSize", "dryRun");
        assertThat(List.copyOf(JobParams.declared(job).keySet()))
                .containsExactly("userId", "mode", "ratio", "batchSize", "dryRun");
        assertThat(JobParams.declared(job).get("userId")).isEqualTo(
                new ParamSpec(ParamType.INTEGER, "Only this user", false, null, List.of(), 1, null));
        assertThat(JobParams.declared(job).get("ratio").summary()).isEqualTo("number 0 … 1, required");
        assertThat(JobParams.declared(job).get("mode").summary()).isEqualTo("string: fast | slow");
        assertThat(JobParams.declared(job).get("batchSize").type()).isEqualTo(ParamType.NUMBER);
        assertThat(JobParams.declared(job).get("dryRun").type()).isEqualTo(ParamType.BOOLEAN);
        assertThat(JobParams.defaultOf(job, "ratio")).isEqualTo(0.5);
        assertThat(JobParams.defaultOf(job, "mode")).isEqualTo("fast");
        assertThat(job.additionalParams()).isFalse();
    }

    @Test
    void theShapeOfEachDeclarationIsChecked() {
        assertThat(problems("\"params\": [\"userId\"]")).containsExactly(
                "Job a: field 'params' must be an object of declarations, e.g. {\"userId\": {\"type\": \"integer\"}}");
        assertThat(declaring("\"n\": \"integer\"")).containsExactly(
                "Job a: params.n must be an object, e.g. {\"type\": \"integer\"}");
        assertThat(declaring("\"n\": {\"description\": \"N\"}")).containsExactly(
                "Job a: params.n: missing required field 'type' (string, integer, number or boolean)");
        assertThat(declaring("\"n\": {\"type\": \"float\"}, \"m\": {\"type\": 5}")).containsExactly(
                "Job a: params.n: unknown type \"float\" (use string, integer, number or boolean)",
                "Job a: params.m: unknown type 5 (use string, integer, number or boolean)");
        assertThat(declaring("\"n\": {\"type\": \"integer\", \"maximum\": 5, \"description\": 7,"
                + " \"required\": \"yes\", \"min\": \"1\", \"default\": [1]}")).containsExactly(
                "Job a: params.n: unknown field 'maximum'",
                "Job a: params.n: field 'description' must be a string",
                "Job a: params.n: field 'required' must be true or false",
                "Job a: params.n: field 'default' must be a number, string or boolean",
                "Job a: params.n: field 'min' must be a number");
        assertThat(problems("\"additionalParams\": \"yes\"")).containsExactly(
                "Job a: field 'additionalParams' must be true or false");
    }

    @Test
    void aDefaultMustFitItsOwnDeclaration() {
        assertThat(declaring("""
                "a": {"type": "integer", "default": "abc"},
                "b": {"type": "integer", "default": 2.5},
                "c": {"type": "integer", "default": 0, "min": 1},
                "d": {"type": "integer", "default": 3, "enum": [1, 2]},
                "e": {"type": "boolean", "default": "true"},
                "f": {"type": "number", "default": 1e999},
                "g": {"type": "integer", "default": 9223372036854775808}
                """)).containsExactly(
                "Job a: params.a: default must be a number, got string \"abc\"",
                "Job a: params.b: default must be a whole number, got 2.5",
                "Job a: params.c: default must be at least 1, got 0",
                "Job a: params.d: default must be one of 1, 2, got 3",
                "Job a: params.e: default must be a boolean, got string \"true\"",
                "Job a: params.f: default must be a finite number, got Infinity",
                "Job a: params.g: default must be a whole number that fits in 64 bits, got 9223372036854775808");
    }

    @Test
    void boundsAndEnumsMustMakeSense() {
        assertThat(declaring("""
                "a": {"type": "integer", "min": 10, "max": 5},
                "b": {"type": "string", "min": 1},
                "c": {"type": "integer", "min": 0.5},
                "d": {"type": "number", "max": 1e999},
                "e": {"type": "string", "enum": ["x", 2]},
                "f": {"type": "string", "enum": []},
                "g": {"type": "string", "enum": ["x", "x"]},
                "h": {"type": "integer", "enum": [1, 50], "max": 10},
                "i": {"type": "integer", "enum": [1, null]}
                """)).containsExactly(
                // what the reader sees in the JSON comes first, as for every catalog problem
                "Job a: params.f: field 'enum' must be a non-empty array of the allowed values",
                "Job a: params.i: field 'enum' must not list null",
                "Job a: params.a: min 10 is greater than max 5",
                "Job a: params.b: min applies only to integer and number params, not string",
                "Job a: params.c: min must be a whole number, got 0.5",
                "Job a: params.d: max must be a finite number, got Infinity",
                "Job a: params.e: enum value must be a string, got number 2",
                "Job a: params.g: enum lists \"x\" twice",
                "Job a: params.h: enum value must be at most 10, got 50");
    }

    @Test
    void everyKeyFollowsTheKeyRule() {
        assertThat(problems("""
                "params": {"1st": {"type": "integer"}, "ok.name_2-x": {"type": "string"}},
                "defaultParams": {"two words": 1, "--checkpoint-action": "exec=sh", "a=b": true, "": 0}
                """)).containsExactly(
                "Job a: params: param key '1st' is not a valid name (a letter, then letters, digits, '_', '.' or '-')",
                "Job a: defaultParams: param key 'two words' is not a valid name"
                        + " (a letter, then letters, digits, '_', '.' or '-')",
                "Job a: defaultParams: param key '--checkpoint-action' is not a valid name"
                        + " (a letter, then letters, digits, '_', '.' or '-')",
                "Job a: defaultParams: param key 'a=b' is not a valid name (a letter, then letters, digits, '_', '.' or '-')",
                "Job a: defaultParams: param key '' is not a valid name (a letter, then letters, digits, '_', '.' or '-')");
    }

    @Test
    void defaultParamsAreFiniteAndAgreeWithTheirDeclaration() {
        assertThat(problems("\"defaultParams\": {\"x\": 1e999, \"y\": -1e999, \"z\": 1" + "0".repeat(400) + "}"))
                .containsExactly(
                        "Job a: defaultParams.x must be a finite number, got Infinity",
                        "Job a: defaultParams.y must be a finite number, got -Infinity",
                        "Job a: defaultParams.z must be a finite number, got 1.00000E+400");
        assertThat(problems("""
                "defaultParams": {"n": "many", "m": 500, "k": 7, "s": 100.0},
                "params": {"n": {"type": "integer"}, "m": {"type": "integer", "default": 100},
                           "k": {"type": "integer", "max": 5}, "s": {"type": "integer", "default": 100}}
                """)).containsExactly(
                "Job a: defaultParams.n must be a number, got string \"many\" (as params.n declares)",
                "Job a: defaultParams.m is 500 but params.m has default 100; give the default once",
                "Job a: defaultParams.k must be at most 5, got 7 (as params.k declares)");
    }

    @Test
    void aCommandJobCannotTakeAdditionalParams() {
        assertThat(problems("\"command\": [\"tar\", \"-cf\", \"x.tar\"], \"additionalParams\": true")).containsExactly(
                "Job a: \"additionalParams\": true is not allowed on a job with a command, whose params become"
                        + " its program's arguments; declare each param instead");
        assertThat(problems("\"additionalParams\": true")).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithTheRestOfTheCatalogs() {
        CatalogDocument document = CatalogReader.parse("""
                {"jobs": [
                  {"name": "a", "description": "A", "group": "g", "examples": [],
                   "params": {"n": {"type": "integer", "default": "x"}}, "dependencies": ["zz"]},
                  {"name": "b", "description": "B", "group": "g", "examples": [],
                   "defaultParams": {"bad key": 1}}
                ]}
                """, "catalog.json");

        assertThat(document.problems()).extracting(CatalogProblem::message).containsExactly(
                "Job a: params.n: default must be a number, got string \"x\"",
                "Dependency not found: zz (required by a)",
                "Job b: defaultParams: param key 'bad key' is not a valid name (a letter, then letters, digits, '_', '.' or '-')");
        assertThatThrownBy(document::toCatalog).isInstanceOf(InvalidCatalogException.class);
    }

    @Test
    void aCatalogBuiltInCodeIsCheckedTheSameWay() {
        JobDefinition job = JobDefinition.of("a", "A", "g", List.of(), Map.of("level", Double.NaN), List.of())
                .withParams(Map.of("n", new ParamSpec(ParamType.STRING, "", false, 5, List.of(), null, null)), false);

        assertThatThrownBy(() -> JobCatalog.of(null, List.of(job)))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessage("Job a: params.n: default must be a string, got number 5\n"
                        + "Job a: defaultParams.level must be a finite number, got NaN");
    }

    @Test
    void everyParamOfTheBuiltInExamplesIsDeclaredAndAccepted() {
        JobCatalog catalog = CatalogReader.readDefault().toCatalog();
        Pattern param = Pattern.compile("--param ([a-z-]+)\\.([A-Za-z]+)=(\\S+)");
        int seen = 0;
        for (JobDefinition job : catalog.jobs()) {
            for (String example : job.examples()) {
                Matcher m = param.matcher(example);
                while (m.find()) {
                    JobDefinition target = catalog.job(m.group(1)).orElseThrow();
                    assertThat(JobParams.parse(target, m.group(2), m.group(3))).as(example).isNotNull();
                    seen++;
                }
            }
        }
        assertThat(seen).isEqualTo(10);
        JobDefinition presort = catalog.job("feed-presort").orElseThrow();
        assertThat(JobParams.merge(presort, Map.of("userId", 8, "batchSize", 100, "segmentSize", 20)))
                .containsEntry("userId", 8);
    }
}
