package dev.reposix.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;

/** How a command prints its result: for people, or as JSON for scripts ({@code --format json}). */
enum OutputFormat {
    /** Aligned, human-readable text. */
    TEXT,
    /** The same as {@link #TEXT}: aligned columns. */
    TABLE,
    /** One JSON document on stdout. */
    JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Prints a value as JSON.
     *
     * @param out where to print
     * @param value a record, list or map
     */
    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException bug) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), bug);
        }
        out.flush();
    }
}
