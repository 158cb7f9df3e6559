package fltkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The shipped protocol schema ({@value #RESOURCE}), compiled once per op: the answer to each request is
 * checked against {@code #/$defs/answer} with its result narrowed to {@code #/$defs/results/<op>}. The
 * schema is read from the kit's own jar; nothing is ever fetched.
 */
final class ProtocolSchema {
    static final String RESOURCE = "/fltkit/protocol/protocol-v1.schema.json";
    static final String ID = "https://github.com/fltkit/fltmgr-context-kit/protocol-v1.schema.json";
    private static final int SHOWN_PROBLEMS = 4;

    private final Map<String, Schema> answers = new HashMap<>();
    private final Schema request;

    private static final class Holder {
        static final ProtocolSchema INSTANCE = new ProtocolSchema();
    }

    static ProtocolSchema get() {
        return Holder.INSTANCE;
    }

    private ProtocolSchema() {
        ObjectMapper json = new ObjectMapper();
        JsonNode document;
        try (InputStream in = ProtocolSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the kit's jar lacks " + RESOURCE);
            }
            document = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String base = ID.substring(0, ID.lastIndexOf('/') + 1);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .schemaIdResolvers(ids -> ids.mapPrefix(base, "classpath:fltkit/protocol/"))));
        for (Iterator<String> ops = document.at("/$defs/results/properties").fieldNames(); ops.hasNext(); ) {
            String op = ops.next();
            ObjectNode answer = json.createObjectNode();
            answer.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
            answer.put("$ref", ID + "#/$defs/answer");
            answer.putObject("properties").putObject("result").put("$ref", ID + "#/$defs/results/properties/" + op);
            answers.put(op, compiled(registry, SchemaLocation.of(base + "answer-to-" + op), answer));
        }
        ObjectNode requestSchema = json.createObjectNode();
        requestSchema.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        requestSchema.put("$ref", ID + "#/$defs/request");
        request = compiled(registry, SchemaLocation.of(base + "request"), requestSchema);
    }

    private static Schema compiled(SchemaRegistry registry, SchemaLocation location, JsonNode node) {
        Schema schema = registry.getSchema(location, node);
        schema.validate(new ObjectMapper().createObjectNode());   // resolves every $ref now, not on the first answer
        return schema;
    }

    /** What the schema refuses in this answer to {@code op}, each naming the member and its value; empty if none. */
    List<String> problems(String op, JsonNode answer) {
        Schema schema = answers.get(op);
        if (schema == null) {
            throw new IllegalStateException("the kit sent '" + op + "', an op protocol-v1.schema.json does not list");
        }
        return described(schema.validate(answer));
    }

    /** What the schema refuses in a request line (for the kit's own tests: the kit's requests are in range too). */
    List<String> requestProblems(JsonNode line) {
        return described(request.validate(line));
    }

    private static List<String> described(List<Error> errors) {
        List<String> problems = new ArrayList<>();
        for (Error error : errors) {
            if (problems.size() == SHOWN_PROBLEMS) {
                problems.add("and " + (errors.size() - SHOWN_PROBLEMS) + " more");
                break;
            }
            problems.add(describe(error));
        }
        return problems;
    }

    private static String describe(Error error) {
        String at = error.getInstanceLocation().toString();
        String member = at.isEmpty() ? "the answer" : "'" + at + "'";
        JsonNode value = error.getInstanceNode();
        boolean aboutTheObject = "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword())
                || value == null || value.isContainerNode();
        return member + (aboutTheObject ? "" : " = " + ChildProcess.abbreviate(value.toString())) + ": " + error.getMessage();
    }
}
