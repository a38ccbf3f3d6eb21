package dev.reposix.core.render;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.reposix.api.ErrorCode;
import dev.reposix.api.ReposixException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML between the {@code ---} lines into the few known keys, refusing everything else.
 * Thread-safe (the factory is immutable once built).
 *
 * <p>Why Jackson's streaming YAML parser (SnakeYAML underneath) rather than a parser of our own:
 * users edit these files by hand and expect YAML as every other tool reads it (plain or single
 * quoted values, flow lists, comments), and SnakeYAML's scanner is well tested. Why streaming and
 * not data binding: the reader sees each token with its line, stops at the first token it does not
 * expect, and never builds a tree, so an alias bomb or a deeply nested value is refused at its first
 * token instead of being expanded. Anchors, aliases and tags are refused outright, SnakeYAML's
 * code-point limit bounds the input, and the caller caps the frontmatter at 64 KB before parsing.
 */
final class FrontmatterReader {

    /** A value read from the frontmatter and the file line it started on. */
    record Field(Object value, int line) {
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions())
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String path;
    private final Set<String> knownKeys;
    private final int lineOffset;

    /**
     * @param path the file, for messages
     * @param knownKeys the keys accepted
     * @param lineOffset file line of the YAML's first line, minus one
     */
    FrontmatterReader(String path, Set<String> knownKeys, int lineOffset) {
        this.path = path;
        this.knownKeys = knownKeys;
        this.lineOffset = lineOffset;
    }

    /** Reads a mapping of known keys to strings (or, for {@code labels}, a list of strings). */
    Map<String, Field> read(String yaml) {
        Map<String, Field> fields = new LinkedHashMap<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return fields;
            }
            refuseUnsafe(parser);
            if (token != JsonToken.START_OBJECT) {
                throw error(RenderErrorCode.FRONTMATTER_SYNTAX, parser, "the frontmatter must be key: value lines");
            }
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = line(parser);
                if (!knownKeys.contains(key)) {
                    throw error(RenderErrorCode.FRONTMATTER_UNKNOWN_KEY, parser, "unknown key '" + key
                            + "'; the keys are " + String.join(", ", knownKeys));
                }
                parser.nextToken();
                refuseUnsafe(parser);
                Object value = key.equals(RecordFileCodec.LABELS) ? readLabels(parser) : readString(parser, key);
                if (fields.put(key, new Field(value, line)) != null) {
                    throw error(RenderErrorCode.FRONTMATTER_SYNTAX, parser, "key '" + key + "' appears twice");
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw error(RenderErrorCode.FRONTMATTER_UNSAFE_YAML, parser,
                        "the frontmatter must be a single YAML document of key: value lines");
            }
            return fields;
        } catch (StreamReadException syntax) {
            int line = syntax.getLocation() == null ? 0 : syntax.getLocation().getLineNr();
            String problem = syntax.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            // SnakeYAML's own mark points at the offending token; Jackson's at the one before it.
            if (syntax.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                problem = marked.getProblem();
            }
            throw new ReposixException(RenderErrorCode.FRONTMATTER_SYNTAX, path + ":" + (line + lineOffset)
                    + ": invalid YAML (" + problem + "); quote values with double quotes, e.g. title: \"My page\"",
                    syntax);
        } catch (IOException impossible) {
            throw new IllegalStateException("reading from a string cannot fail", impossible);
        }
    }

    private String readString(JsonParser parser, String key) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            String shown = parser.currentToken() != null && parser.currentToken().isScalarValue()
                    ? parser.getText() : "a list or mapping";
            throw error(RenderErrorCode.FRONTMATTER_INVALID_VALUE, parser, key + " must be a quoted string, not "
                    + shown + "; write it as " + key + ": \"...\"");
        }
        return parser.getText();
    }

    private List<String> readLabels(JsonParser parser) throws IOException {
        List<String> labels = new ArrayList<>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return labels;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(RenderErrorCode.FRONTMATTER_INVALID_VALUE, parser,
                    "labels must be a list, e.g. labels: [\"ops\"] or one \"- label\" line per label");
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            refuseUnsafe(parser);
            if (token != JsonToken.VALUE_STRING) {
                throw error(RenderErrorCode.FRONTMATTER_INVALID_VALUE, parser,
                        "each label must be a quoted string; lists inside labels are not allowed");
            }
            labels.add(parser.getText());
        }
        return labels;
    }

    /** Anchors, aliases and tags are never needed here and are the tools of YAML bombs and gadgets. */
    private void refuseUnsafe(JsonParser parser) throws IOException {
        if (parser.getObjectId() != null || parser.getTypeId() != null
                || parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw error(RenderErrorCode.FRONTMATTER_UNSAFE_YAML, parser,
                    "anchors (&), aliases (*) and tags (!) are not allowed in frontmatter");
        }
    }

    private ReposixException error(ErrorCode code, JsonParser parser, String problem) {
        return new ReposixException(code, path + ":" + line(parser) + ": " + problem);
    }

    private int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr() + lineOffset;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(RecordFileCodec.MAX_FRONTMATTER_CHARS + 1);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(3);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        return options;
    }
}
