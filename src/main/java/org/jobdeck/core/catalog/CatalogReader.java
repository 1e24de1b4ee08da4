package org.jobdeck.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a catalog in Jobdeck's JSON format:
 * {@code {"groups":[{"name","title","purpose"}…], "jobs":[{"name","description","group",
 * "dependencies","defaultParams","examples", …}…]}}.
 *
 * <p>Reading never half-succeeds and never stops at the first problem: a document's every
 * structural problem (bad JSON, unknown or mistyped fields) and every validation problem is
 * collected, and only a document without any becomes a {@link JobCatalog}.
 */
public final class CatalogReader {
    /** The built-in catalog: the seed's 6 groups and 17 jobs. */
    public static final String DEFAULT_RESOURCE = "/org/jobdeck/catalog/default-catalog.json";
    /** The origin of the built-in catalog's document. */
    public static final String DEFAULT_ORIGIN = "default catalog";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CatalogReader() {
    }

    /** Reads and validates the built-in catalog. */
    public static CatalogDocument readDefault() {
        try (InputStream in = CatalogReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default catalog missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_ORIGIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates a catalog file.
     *
     * @throws CatalogException when the file cannot be read at all
     */
    public static CatalogDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CatalogException("Cannot read catalog " + file + ": no such file");
        } catch (IOException e) {
            throw new CatalogException("Cannot read catalog " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses catalog JSON; {@code origin} names the source in syntax errors. */
    public static CatalogDocument parse(String json, String origin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return CatalogDocument.unreadable(origin, syntaxProblem(origin, e));
        }
        if (root == null || !root.isObject()) {
            return CatalogDocument.unreadable(origin, CatalogProblem.of(
                    origin + ": a catalog is a JSON object with \"groups\" and \"jobs\""));
        }
        List<CatalogProblem> problems = new ArrayList<>();
        CatalogFields.rejectUnknown("Catalog", root, CatalogFields.CATALOG_FIELDS, problems);
        List<JobGroup> groups = root.has("groups") ? readGroups(root.get("groups"), problems) : null;
        List<JobDefinition> jobs = readJobs(root.get("jobs"), problems);
        return CatalogDocument.of(origin, problems, CatalogValidator.validate(groups, jobs));
    }

    private static CatalogProblem syntaxProblem(String origin, JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? origin
                : origin + ":" + location.getLineNr() + ":" + location.getColumnNr();
        String reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        return CatalogProblem.of(where + ": invalid JSON: " + reason);
    }

    private static List<JobGroup> readGroups(JsonNode node, List<CatalogProblem> problems) {
        List<JobGroup> groups = new ArrayList<>();
        if (!node.isArray()) {
            problems.add(CatalogProblem.of("Catalog: field 'groups' must be an array"));
            return groups;
        }
        int position = 0;
        for (JsonNode group : node) {
            position++;
            String label = CatalogFields.label("Group", group, position);
            if (!group.isObject()) {
                problems.add(CatalogProblem.of(label + ": must be an object"));
                continue;
            }
            CatalogFields.rejectUnknown(label, group, CatalogFields.GROUP_FIELDS, problems);
            String name = CatalogFields.text(label, group, "name", problems);
            if (name == null || name.isBlank()) {
                problems.add(CatalogProblem.of(label + ": missing required field 'name'"));
                continue;
            }
            groups.add(new JobGroup(name, CatalogFields.text(label, group, "title", problems),
                    CatalogFields.text(label, group, "purpose", problems)));
        }
        return groups;
    }

    private static List<JobDefinition> readJobs(JsonNode node, List<CatalogProblem> problems) {
        List<JobDefinition> jobs = new ArrayList<>();
        if (node == null) {
            problems.add(CatalogProblem.of("Catalog: missing required field 'jobs'"));
            return jobs;
        }
        if (!node.isArray()) {
            problems.add(CatalogProblem.of("Catalog: field 'jobs' must be an array"));
            return jobs;
        }
        int position = 0;
        for (JsonNode job : node) {
            position++;
            JobDefinition definition = JobReader.read(job, position, problems);
            if (definition != null) {
                jobs.add(definition);
            }
        }
        return jobs;
    }
}
