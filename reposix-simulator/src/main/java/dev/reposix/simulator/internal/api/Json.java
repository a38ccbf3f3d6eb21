package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The shared JSON mapper and Confluence's timestamp format. Thread-safe. */
public final class Json {
    /** Shared mapper; configured once, never changed afterwards. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Formats a timestamp as Confluence Cloud does ({@code 2026-11-24T06:15:00.000Z}). */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
