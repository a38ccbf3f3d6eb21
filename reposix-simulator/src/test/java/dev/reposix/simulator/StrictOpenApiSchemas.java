package dev.reposix.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Response schemas from the Confluence v2 OpenAPI document, made strict: {@code $ref}s inlined,
 * {@code allOf} merged, {@code additionalProperties: false} on every object, and every declared
 * property required unless it is {@code nullable} or named in the caller's optional set (fields
 * Cloud sends only on request, such as {@code body} or {@code labels}). {@code nullable} becomes a
 * JSON Schema {@code null} type.
 */
final class StrictOpenApiSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    StrictOpenApiSchemas(Path openApiFile) {
        try {
            this.document = MAPPER.readTree(Files.readAllBytes(openApiFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + openApiFile, e);
        }
    }

    /** The strict schema of a documented response. */
    ObjectNode responseSchema(String path, String method, String status, Set<String> optional) {
        JsonNode schema = document.path("paths").path(path).path(method).path("responses").path(status)
            .path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no JSON response " + status + " for " + method + " " + path);
        }
        return strict(schema, optional, 0);
    }

    /** Validation errors of {@code instance} against {@code schema}; empty when it conforms. */
    List<String> errors(ObjectNode schema, JsonNode instance) {
        try {
            Schema compiled = registry.getSchema(MAPPER.writeValueAsString(schema), InputFormat.JSON);
            List<Error> errors = compiled.validate(MAPPER.writeValueAsString(instance), InputFormat.JSON);
            return errors.stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode strict(JsonNode source, Set<String> optional, int depth) {
        if (depth > 30) {
            throw new IllegalStateException("schema nesting too deep; recursive $ref?");
        }
        JsonNode schema = resolve(source);
        if (schema.has("allOf")) {
            ObjectNode merged = MAPPER.createObjectNode();
            for (JsonNode part : schema.get("allOf")) {
                mergeInto(merged, strict(part, optional, depth + 1));
            }
            return finishObject(merged, optional);
        }
        ObjectNode copy = schema.deepCopy();
        copy.remove("description");
        copy.remove("title");
        copy.remove("example");
        if (copy.has("items")) {
            copy.set("items", strict(copy.get("items"), optional, depth + 1));
        }
        if (copy.has("properties")) {
            ObjectNode properties = MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = copy.get("properties").properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                properties.set(field.getKey(), strict(field.getValue(), optional, depth + 1));
            }
            copy.set("properties", properties);
            return finishObject(copy, optional);
        }
        return nullable(copy);
    }

    private ObjectNode finishObject(ObjectNode schema, Set<String> optional) {
        ObjectNode properties = (ObjectNode) schema.get("properties");
        ArrayNode required = MAPPER.createArrayNode();
        properties.properties().forEach(field -> {
            if (!optional.contains(field.getKey()) && !isNullable(field.getValue())) {
                required.add(field.getKey());
            }
        });
        schema.set("required", required);
        schema.put("additionalProperties", false);
        schema.put("type", "object");
        return nullable(schema);
    }

    private static boolean isNullable(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && type.isArray() && type.toString().contains("\"null\"");
    }

    /** Turns OpenAPI 3.0 {@code nullable: true} into a JSON Schema null type. */
    private static ObjectNode nullable(ObjectNode schema) {
        if (schema.path("nullable").asBoolean(false)) {
            String type = schema.path("type").asText("object");
            ArrayNode types = MAPPER.createArrayNode().add(type).add("null");
            schema.set("type", types);
            if (schema.has("enum")) {
                ((ArrayNode) schema.get("enum")).addNull();
            }
        }
        schema.remove("nullable");
        return schema;
    }

    private void mergeInto(ObjectNode target, ObjectNode part) {
        part.properties().forEach(field -> {
            if (field.getKey().equals("properties") && target.has("properties")) {
                ObjectNode properties = (ObjectNode) target.get("properties");
                field.getValue().properties().forEach(property -> {
                    JsonNode existing = properties.get(property.getKey());
                    if (existing instanceof ObjectNode existingObject && existing.has("properties")) {
                        mergeInto(existingObject, (ObjectNode) property.getValue());
                    } else {
                        properties.set(property.getKey(), property.getValue());
                    }
                });
            } else if (!field.getKey().equals("required")) {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String pointer = current.get("$ref").asText().substring(1);
            current = document.at(pointer);
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolved $ref " + schema.get("$ref"));
            }
        }
        return current;
    }
}
