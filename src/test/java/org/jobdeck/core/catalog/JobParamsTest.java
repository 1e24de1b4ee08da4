package org.jobdeck.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/**
 * The values an enqueue may give, checked against the job's declarations before anything is
 * stored: the key rule, declared keys only (unless a handler job takes additional params), type,
 * finiteness, whole numbers within a long, enum, bounds and required params.
 */
class JobParamsTest {
    private static final Map<String, ParamSpec> DECLARED = declarations();

    private static Map<String, ParamSpec> declarations() {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        specs.put("userId", new ParamSpec(ParamType.INTEGER, "Only this user", false, null, List.of(), 1, null));
        specs.put("ratio", new ParamSpec(ParamType.NUMBER, "", false, 0.5, List.of(), 0, 1));
        specs.put("mode", new ParamSpec(ParamType.STRING, "", false, null, List.of("fast", "slow"), null, null));
        specs.put("verbose", ParamSpec.of(ParamType.BOOLEAN));
        specs.put("level", new ParamSpec(ParamType.INTEGER, "", false, null, List.of(), 1, 9));
        return specs;
    }

    /** A handler job with the declarations above and a seed-style default of 500. */
    private static JobDefinition handlerJob(boolean additionalParams) {
        return JobDefinition.of("job", "J", "g", List.of(), Map.of("batchSize", 500), List.of())
                .withParams(DECLARED, additionalParams);
    }

    private static JobDefinition commandJob() {
        return new JobDefinition("tar-backup", "T", "g", List.of(), Map.of("batchSize", 500), List.of(),
                List.of("tar", "-cf", "backup.tar"), null, null, null, DECLARED, false);
    }

    private static String refusal(JobDefinition job, Map<String, Object> given) {
        return assertThatThrownBy(() -> JobParams.merge(job, given)).isInstanceOf(InvalidParamsException.class)
                .actual().getMessage();
    }

    private static String refusal(String key, Object value) {
        return refusal(handlerJob(false), single(key, value));
    }

    private static Map<String, Object> single(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    private static String textRefusal(JobDefinition job, String key, String text) {
        return assertThatThrownBy(() -> JobParams.parse(job, key, text)).isInstanceOf(InvalidParamsException.class)
                .actual().getMessage();
    }

    // ---------------------------------------------------------------- merge (REST, Java)

    @Test
    void defaultsComeFirstThenTheGivenValuesNormalised() {
        Map<String, Object> given = single("userId", 8.0);
        given.put("level", 3);
        Map<String, Object> merged = JobParams.merge(handlerJob(false), given);

        assertThat(merged).containsExactly(Map.entry("batchSize", 500), Map.entry("ratio", 0.5),
                Map.entry("userId", 8L), Map.entry("level", 3));
    }

    @Test
    void typesAreChecked() {
        assertThat(refusal("userId", "eight")).isEqualTo("Job job: param 'userId' must be a number, got string \"eight\"");
        assertThat(refusal("verbose", "true")).isEqualTo("Job job: param 'verbose' must be a boolean, got string \"true\"");
        assertThat(refusal("mode", 5)).isEqualTo("Job job: param 'mode' must be a string, got number 5");
        assertThat(refusal("ratio", List.of(1))).isEqualTo("Job job: param 'ratio' must be a number, got an array");
        assertThat(refusal("userId", null)).isEqualTo("Job job: param 'userId' must be a number, got null");
    }

    @Test
    void integersAreWholeAndFitInALong() {
        assertThat(refusal("userId", 2.5)).isEqualTo("Job job: param 'userId' must be a whole number, got 2.5");
        assertThat(refusal("userId", 1e30)).isEqualTo(
                "Job job: param 'userId' must be a whole number that fits in 64 bits, got 1.0E30");
        assertThat(refusal("userId", new BigInteger("9223372036854775808"))).isEqualTo(
                "Job job: param 'userId' must be a whole number that fits in 64 bits, got 9223372036854775808");
        assertThat(JobParams.merge(handlerJob(false), Map.of("userId", Long.MAX_VALUE))).containsEntry(
                "userId", Long.MAX_VALUE);
        assertThat(JobParams.merge(handlerJob(false), Map.of("userId", new BigDecimal("4e2")))).containsEntry(
                "userId", 400L);
    }

    @Test
    void numbersAreFinite() {
        assertThat(refusal("ratio", Double.POSITIVE_INFINITY)).isEqualTo(
                "Job job: param 'ratio' must be a finite number, got Infinity");
        assertThat(refusal("ratio", Double.NaN)).isEqualTo("Job job: param 'ratio' must be a finite number, got NaN");
        assertThat(refusal("userId", Double.NEGATIVE_INFINITY)).isEqualTo(
                "Job job: param 'userId' must be a finite number, got -Infinity");
        assertThat(refusal("ratio", BigInteger.TEN.pow(400))).isEqualTo(
                "Job job: param 'ratio' must be a finite number, got 1.00000E+400");
        assertThat(refusal("batchSize", Float.POSITIVE_INFINITY)).isEqualTo(
                "Job job: param 'batchSize' must be a finite number, got Infinity");
    }

    @Test
    void enumAndBoundsAreChecked() {
        assertThat(refusal("mode", "medium")).isEqualTo(
                "Job job: param 'mode' must be one of \"fast\", \"slow\", got \"medium\"");
        assertThat(refusal("level", 0)).isEqualTo("Job job: param 'level' must be at least 1, got 0");
        assertThat(refusal("level", 10)).isEqualTo("Job job: param 'level' must be at most 9, got 10");
        assertThat(refusal("ratio", 1.5)).isEqualTo("Job job: param 'ratio' must be at most 1, got 1.5");
        assertThat(JobParams.merge(handlerJob(false), Map.of("level", 9, "ratio", 0, "mode", "slow")))
                .containsEntry("level", 9).containsEntry("mode", "slow");
    }

    @Test
    void aRequiredParamNeedsAValueGivenOrDefault() {
        JobDefinition job = JobDefinition.of("job", "J", "g", List.of(), Map.of(), List.of()).withParams(Map.of(
                "userId", new ParamSpec(ParamType.INTEGER, "", true, null, List.of(), null, null),
                "mode", new ParamSpec(ParamType.STRING, "", true, "fast", List.of(), null, null)), false);

        assertThat(refusal(job, Map.of())).isEqualTo("Job job: param 'userId' is required (integer), and has no default");
        assertThat(JobParams.merge(job, Map.of("userId", 8))).containsEntry("userId", 8).containsEntry("mode", "fast");
    }

    @Test
    void aNumberDefaultStillTakesAnyFiniteNumberAndNothingElse() {
        JobDefinition seed = JobDefinition.of("seed", "S", "g", List.of(), Map.of("batchSize", 500), List.of());

        assertThat(JobParams.merge(seed, Map.of("batchSize", 50))).containsEntry("batchSize", 50);
        assertThat(JobParams.merge(seed, Map.of("batchSize", 2.5))).containsEntry("batchSize", 2.5);
        assertThat(refusal(seed, Map.of("batchSize", "abc"))).isEqualTo(
                "Job seed: param 'batchSize' must be a number, got string \"abc\"");
        assertThat(JobParams.parse(seed, "batchSize", "50")).isEqualTo(50L);
        assertThat(textRefusal(seed, "batchSize", "abc")).isEqualTo(
                "Job seed: param 'batchSize' must be a number, got \"abc\"");
    }

    // ---------------------------------------------------------------- keys

    @Test
    void aKeyOutsideTheRuleIsRefusedWhateverTheJob() {
        for (JobDefinition job : List.of(handlerJob(true), handlerJob(false), commandJob())) {
            for (String key : List.of("--checkpoint-action", "-v", "two words", "a=b", "1st", "", "ü")) {
                assertThat(refusal(job, single(key, "x"))).as(key).isEqualTo("Job " + job.name() + ": param key '"
                        + key + "' is not a valid name (a letter, then letters, digits, '_', '.' or '-')");
            }
        }
        assertThat(refusal(handlerJob(true), single("a\nJob b: forged line", 1))).isEqualTo(
                "Job job: param key 'a\\nJob b: forged line' is not a valid name (a letter, then letters, digits,"
                        + " '_', '.' or '-')");
        assertThat(refusal(handlerJob(true), single("x".repeat(100) + " ", 1)))
                .contains("'" + "x".repeat(60) + "…'").hasSizeLessThan(200);
    }

    @Test
    void aCommandJobTakesOnlyDeclaredKeys() {
        assertThat(refusal(commandJob(), Map.of("checkpoint-action", "exec=sh -c id"))).isEqualTo(
                "Job tar-backup: param 'checkpoint-action' is not declared (declared: userId, ratio, mode, verbose,"
                        + " level, batchSize); a job with a command takes only the params it declares");
        assertThat(refusal(commandJob(), Map.of("levl", 3))).startsWith(
                "Job tar-backup: param 'levl' is not declared (did you mean level?)");
        assertThat(textRefusal(commandJob(), "to-command", "sh")).startsWith(
                "Job tar-backup: param 'to-command' is not declared");
        assertThat(JobParams.merge(commandJob(), Map.of("level", 3))).containsEntry("level", 3);
    }

    @Test
    void aHandlerJobTakesUndeclaredKeysOnlyWhenItSaysSo() {
        assertThat(refusal(handlerJob(false), Map.of("label", "x"))).isEqualTo(
                "Job job: param 'label' is not declared (declared: userId, ratio, mode, verbose, level, batchSize);"
                        + " declare it under \"params\", or set \"additionalParams\": true, in the catalog");
        JobDefinition none = JobDefinition.of("bare", "B", "g", List.of(), Map.of(), List.of());
        assertThat(refusal(none, Map.of("label", "x"))).startsWith(
                "Job bare: param 'label' is not declared (the job declares no params)");

        JobDefinition open = handlerJob(true);
        assertThat(JobParams.merge(open, Map.of("label", "x", "n", 3, "on", true)))
                .containsEntry("label", "x").containsEntry("n", 3).containsEntry("on", true);
        assertThat(refusal(open, Map.of("n", Double.POSITIVE_INFINITY))).isEqualTo(
                "Job job: param 'n' must be a finite number, got Infinity");
        assertThat(refusal(open, single("n", null))).isEqualTo(
                "Job job: param 'n' must be a number, string or boolean, got null");
        assertThat(refusal(open, Map.of("userId", "x"))).isEqualTo(
                "Job job: param 'userId' must be a number, got string \"x\""); // declared keys stay typed
    }

    // ---------------------------------------------------------------- text (CLI, console)

    @Test
    void textIsReadAsTheDeclaredType() {
        JobDefinition job = handlerJob(false);

        assertThat(JobParams.parse(job, "userId", " 8 ")).isEqualTo(8L);
        assertThat(JobParams.parse(job, "userId", "8.0")).isEqualTo(8L);
        assertThat(JobParams.parse(job, "userId", "1e3")).isEqualTo(1000L);
        assertThat(JobParams.parse(job, "ratio", "0.25")).isEqualTo(0.25);
        assertThat(JobParams.parse(job, "ratio", "1")).isEqualTo(1L);
        assertThat(JobParams.parse(job, "verbose", "TRUE")).isEqualTo(true);
        assertThat(JobParams.parse(job, "mode", "slow")).isEqualTo("slow");
        assertThat(textRefusal(job, "userId", "0x10")).isEqualTo("Job job: param 'userId' must be a number, got \"0x10\"");
        assertThat(textRefusal(job, "userId", "8.5")).isEqualTo("Job job: param 'userId' must be a whole number, got \"8.5\"");
        assertThat(textRefusal(job, "verbose", "yes")).isEqualTo(
                "Job job: param 'verbose' must be a boolean (true or false), got \"yes\"");
        assertThat(textRefusal(job, "mode", " fast")).isEqualTo(
                "Job job: param 'mode' must be one of \"fast\", \"slow\", got \" fast\"");
        assertThat(textRefusal(job, "level", "0")).isEqualTo("Job job: param 'level' must be at least 1, got 0");
    }

    @Test
    void textThatIsNotAFiniteNumberIsRefused() {
        JobDefinition job = handlerJob(true);
        for (String text : List.of("Infinity", "-Infinity", "NaN", "inf", "1e999999999", "-1e999999999")) {
            assertThat(textRefusal(job, "ratio", text)).as(text).isEqualTo(
                    "Job job: param 'ratio' must be a finite number, got \"" + text + "\"");
            assertThat(textRefusal(job, "undeclared", text)).as(text).isEqualTo(
                    "Job job: param 'undeclared' must be a finite number, got \"" + text + "\"");
        }
        assertThat(textRefusal(job, "userId", "1e999999999")).isEqualTo(
                "Job job: param 'userId' must be a whole number that fits in 64 bits, got \"1e999999999\"");
        assertThat(textRefusal(job, "userId", "9223372036854775808")).isEqualTo(
                "Job job: param 'userId' must be a whole number that fits in 64 bits, got \"9223372036854775808\"");
        assertThat(textRefusal(job, "userId", "1e99999999999")).isEqualTo(
                "Job job: param 'userId' must be a whole number that fits in 64 bits, got \"1e99999999999\"");
    }

    @Test
    void undeclaredTextIsABooleanANumberOrAString() {
        JobDefinition job = handlerJob(true);

        assertThat(JobParams.parse(job, "on", "false")).isEqualTo(false);
        assertThat(JobParams.parse(job, "n", "8")).isEqualTo(8L);
        assertThat(JobParams.parse(job, "x", "1.5")).isEqualTo(1.5);
        assertThat(JobParams.parse(job, "s", "a.b=c")).isEqualTo("a.b=c");
    }

    @Test
    void hostileExponentsAndLongNumbersCostNothing() {
        JobDefinition job = handlerJob(true);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(textRefusal(job, "userId", "1e-999999999")).endsWith("must be a whole number, got \"1e-999999999\"");
            assertThat(textRefusal(job, "userId", "9".repeat(100_000))).contains("must be a whole number that fits in 64 bits");
            assertThat(textRefusal(job, "ratio", "9".repeat(100_000))).contains("must be a finite number, got \"999");
            assertThat(textRefusal(job, "userId", "1." + "0".repeat(100_000) + "1")).contains("must be a whole number");
            assertThat(JobParams.parse(job, "ratio", "1e-999999999")).isEqualTo(0.0);
        });
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 300)
    void everyLongIsAnInteger(@ForAll long value) {
        JobDefinition job = handlerJob(false).withParams(Map.of("n", ParamSpec.of(ParamType.INTEGER)), false);

        assertThat(JobParams.parse(job, "n", Long.toString(value))).isEqualTo(value);
        assertThat(JobParams.merge(job, Map.of("n", value))).containsEntry("n", value);
        assertThat(JobParams.merge(job, Map.of("n", BigInteger.valueOf(value)))).containsEntry("n", value);
    }

    @Property(tries = 300)
    void everyFiniteDoubleIsANumberAndReadsBackFromItsText(
            @ForAll @DoubleRange(min = -1e300, max = 1e300) double value) {
        JobDefinition job = handlerJob(true);

        assertThat(JobParams.merge(job, Map.of("x", value))).containsEntry("x", value);
        assertThat(((Number) JobParams.parse(job, "x", Double.toString(value))).doubleValue()).isEqualTo(value);
    }

    @Property(tries = 300)
    void aKeyWithAForbiddenCharacterIsNeverAccepted(@ForAll("keys") String prefix, @ForAll("forbidden") char bad) {
        String key = prefix + bad;
        assertThatThrownBy(() -> JobParams.merge(handlerJob(true), Map.of(key, 1)))
                .isInstanceOf(InvalidParamsException.class).hasMessageContaining("is not a valid name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Characters the key rule refuses: an explicit list, so no generator can slip in an allowed one. */
    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Character> forbidden() {
        return net.jqwik.api.Arbitraries.of(' ', '=', '\n', '\t', '"', '\'', '$', ';', '/', '\\', '`', '|', '&', '<',
                '>', '\u0000', '*');
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> keys() {
        return net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }
}
