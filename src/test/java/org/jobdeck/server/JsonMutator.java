package org.jobdeck.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Bodies for the fuzz test: a valid request body changed in its structure (a field dropped,
 * renamed or given a hostile value) or in its bytes (cut, spliced, flipped), and values that
 * test the edges: null, huge numbers, lone surrogates, NUL, deep nesting, long strings.
 */
final class JsonMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("group", "jobs", "params", "requestedBy", "all", "job",
            "userId", "batchSize", "dryRun", "incremental", "topK", "");
    private static final List<String> RAW_VALUES = List.of("null", "true", "0", "-1", "1e999999999", "-1e999999999",
            "1.5", "9223372036854775808", "1" + "0".repeat(1200), "\"\"", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"Grüße 🎉\"", "[]", "{}", "[null]", "{\"\":null}", "\"feed\"", "[\"feed-presort\"]",
            "NaN", "Infinity", "'single'", "0x10", "01", "-", "tru", "\"\\x\"");

    private final Random random;
    private final List<String> jobs;

    JsonMutator(Random random, List<String> jobs) {
        this.random = random;
        this.jobs = jobs;
    }

    /** {@code template} mutated one way or another, as bytes. */
    byte[] mutate(String template) {
        int choice = random.nextInt(100);
        if (choice < 40) {
            return structural(template).getBytes(StandardCharsets.UTF_8);
        }
        if (choice < 65) {
            return bytewise(template.getBytes(StandardCharsets.UTF_8));
        }
        if (choice < 75) {
            return pick(RAW_VALUES).getBytes(StandardCharsets.UTF_8);
        }
        if (choice < 82) {
            return deep(random.nextInt(3000) + 1).getBytes(StandardCharsets.UTF_8);
        }
        if (choice < 90) {
            return padded(template, random.nextBoolean() ? JsonBodies.MAX_BYTES - random.nextInt(64)
                    : JsonBodies.MAX_BYTES + random.nextInt(4096) - 2048);
        }
        return template.getBytes(StandardCharsets.UTF_8);
    }

    private String structural(String template) {
        try {
            JsonNode root = JSON.readTree(template);
            if (!(root instanceof ObjectNode object)) {
                return template;
            }
            int changes = 1 + random.nextInt(3);
            for (int i = 0; i < changes; i++) {
                ObjectNode target = randomObject(object);
                String field = random.nextInt(3) == 0 ? pick(jobs) : pick(FIELDS);
                switch (random.nextInt(4)) {
                    case 0 -> target.remove(field);
                    case 1 -> target.set(field, value(3));
                    default -> target.set(randomFieldOf(target).orElse(field), value(3));
                }
            }
            return JSON.writeValueAsString(object);
        } catch (Exception e) {
            return template;
        }
    }

    /** An object somewhere in the tree: the root, or one nested in it. */
    private ObjectNode randomObject(ObjectNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        return objects.get(random.nextInt(objects.size()));
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.elements().forEachRemaining(child -> collect(child, into));
    }

    private Optional<String> randomFieldOf(ObjectNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names.isEmpty() ? Optional.empty() : Optional.of(pick(names));
    }

    /** A hostile JSON value, nested up to {@code depth}. */
    JsonNode value(int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextInt(5) == 0 ? Double.MAX_VALUE : random.nextDouble() * 1e6);
            case 4 -> NODES.textNode(text());
            case 5 -> NODES.textNode(pick(jobs));
            case 6 -> NODES.numberNode(new BigInteger(1 + random.nextInt(400), random));
            case 7 -> NODES.textNode("x".repeat(random.nextInt(20_000)));
            case 8 -> NODES.numberNode(random.nextInt(3) - 1);
            case 9 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    private ArrayNode array(int depth) {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            array.add(value(depth));
        }
        return array;
    }

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(random.nextBoolean() ? pick(jobs) : pick(FIELDS), value(depth));
        }
        return object;
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int kind = random.nextInt(6);
            text.appendCodePoint(switch (kind) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0xd800 + random.nextInt(0x800); // lone surrogates
                case 2 -> 0x80 + random.nextInt(0x800);
                case 3 -> 0x1f600 + random.nextInt(0x50);
                default -> 0x20 + random.nextInt(0x5f);
            });
        }
        return text.toString();
    }

    private byte[] bytewise(byte[] bytes) {
        byte[] out = bytes.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(5)) {
                case 0 -> out = Arrays.copyOf(out, at); // cut
                case 1 -> out[at] = (byte) random.nextInt(256); // any byte, invalid UTF-8 included
                case 2 -> out = splice(out, at, "\",:{}[]\\0".getBytes(StandardCharsets.UTF_8)[random.nextInt(9)]);
                case 3 -> out = splice(out, at, (byte) (0x80 + random.nextInt(0x40)));
                default -> {
                    byte[] doubled = Arrays.copyOf(out, out.length * 2);
                    System.arraycopy(out, 0, doubled, out.length, out.length);
                    out = doubled;
                }
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, byte inserted) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = inserted;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }

    private String deep(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"params\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    /** The template with a param padded so that the whole body is about {@code size} bytes. */
    private byte[] padded(String template, int size) {
        String job = pick(jobs);
        String head = "{\"jobs\":[\"" + job + "\"],\"params\":{\"" + job + "\":{\"note\":\"";
        String tail = "\"}}}";
        if (template.contains("\"group\"")) {
            head = "{\"group\":\"feed\",\"requestedBy\":\"";
            tail = "\"}";
        }
        int fill = Math.max(0, size - head.length() - tail.length());
        return (head + "y".repeat(fill) + tail).getBytes(StandardCharsets.UTF_8);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
