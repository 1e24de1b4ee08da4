package org.jobdeck.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobGroup;
import org.jobdeck.core.catalog.ParamSpec;
import org.jobdeck.core.catalog.ParamType;
import org.junit.jupiter.api.Test;

/**
 * The catalog as the REST API sends it carries everything a client needs to rebuild the very
 * catalog the server runs: param declarations, additionalParams, command and execution fields;
 * and a job without them is sent exactly as before.
 */
class CatalogViewTest {
    private static final ObjectMapper SERVER = new ObjectMapper();
    private static final ObjectMapper CLIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static JobCatalog catalog() {
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        params.put("label", new ParamSpec(ParamType.STRING, "Archive label", true, null, List.of(), null, null));
        params.put("level", new ParamSpec(ParamType.INTEGER, "", false, 6, List.of(), 1, 9));
        params.put("mode", new ParamSpec(ParamType.STRING, "How", false, "fast", List.of("fast", "slow"), null, null));
        params.put("ratio", new ParamSpec(ParamType.NUMBER, "", false, 0.5, List.of(), 0, 1.5));
        JobDefinition archive = new JobDefinition("archive", "Archive", "ops", List.of(), Map.of("dryRun", false),
                List.of("jobdeck enqueue --job archive"), List.of("tar", "-cf", "x.tar"), 2, 5, 60, params, false);
        JobDefinition open = JobDefinition.of("open", "Open", "ops", List.of("archive"), Map.of(), List.of())
                .withParams(Map.of(), true);
        JobDefinition seed = JobDefinition.of("seed", "Seed", "ops", List.of(), Map.of("batchSize", 100), List.of("x"));
        return JobCatalog.of(List.of(new JobGroup("ops", "Operations", "Keep it running")), List.of(archive, open, seed));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void toCatalogRebuildsEveryField() {
        JobCatalog catalog = catalog();

        assertThat(CatalogView.of(catalog).toCatalog().jobs()).isEqualTo(catalog.jobs());
    }

    @Test
    void theJsonRoundTripKeepsEveryField() throws Exception {
        JobCatalog catalog = catalog();
        String json = SERVER.writeValueAsString(CatalogView.of(catalog));

        CatalogView read = CLIENT.readValue(json, CatalogView.class);

        assertThat(read.toCatalog().jobs()).isEqualTo(catalog.jobs());
        assertThat(read.toCatalog().groups()).isEqualTo(catalog.groups());
    }

    @Test
    void newFieldsAppearOnlyWhenAJobHasThem() throws Exception {
        JsonNode jobs = SERVER.readTree(SERVER.writeValueAsString(CatalogView.of(catalog()))).get("jobs");

        assertThat(fieldNames(jobs.get(0))).containsExactly("name", "description", "group", "dependencies",
                "defaultParams", "examples", "params", "command", "maxAttempts", "retryDelaySeconds", "timeoutSeconds");
        assertThat(jobs.get(0).get("params").get("label").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"Archive label\",\"required\":true}");
        assertThat(jobs.get(0).get("params").get("mode").toString())
                .isEqualTo("{\"type\":\"string\",\"description\":\"How\",\"default\":\"fast\",\"enum\":[\"fast\",\"slow\"]}");
        assertThat(jobs.get(0).get("params").get("level").toString())
                .isEqualTo("{\"type\":\"integer\",\"default\":6,\"min\":1,\"max\":9}");
        assertThat(fieldNames(jobs.get(1))).containsExactly("name", "description", "group", "dependencies",
                "defaultParams", "examples", "additionalParams");
        assertThat(fieldNames(jobs.get(2))).containsExactly("name", "description", "group", "dependencies",
                "defaultParams", "examples");
    }

    @Test
    void theJsonIsTheCatalogFormat() throws Exception {
        JobCatalog catalog = catalog();
        String json = SERVER.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .writeValueAsString(CatalogView.of(catalog));

        CatalogDocument document = CatalogReader.parse(json, "server");

        assertThat(document.problems()).isEmpty();
        assertThat(document.toCatalog().jobs()).isEqualTo(catalog.jobs());
    }

    @Test
    void aCatalogFromAnOlderServerStillReads() throws Exception {
        CatalogView old = CLIENT.readValue("""
                {"jobs": [{"name": "a", "description": "A", "group": "g", "dependencies": [],
                           "defaultParams": {"batchSize": 10}, "examples": []}],
                 "groups": [{"name": "g", "title": "G", "purpose": "P"}]}
                """, CatalogView.class);

        JobDefinition a = old.toCatalog().job("a").orElseThrow();
        assertThat(a.params()).isEmpty();
        assertThat(a.command()).isEmpty();
        assertThat(a.additionalParams()).isFalse();
        assertThat(a.defaultParams()).containsEntry("batchSize", 10);
    }
}
