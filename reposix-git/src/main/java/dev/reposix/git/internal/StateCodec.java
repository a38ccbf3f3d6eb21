package dev.reposix.git.internal;

import dev.reposix.api.ReposixException;
import dev.reposix.git.AttachmentState;
import dev.reposix.git.GitErrorCode;
import dev.reposix.git.RecordState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;

/**
 * The serialised form of the sync state: one UTF-8 text blob per record, deterministic (fields in a
 * fixed order, labels and attributes sorted, LF line ends) and versioned by its first line
 * {@code reposix-record 1}. Values escape {@code \}, LF and CR (and spaces in attribute keys) with a
 * backslash. Record ids become tree entry names by percent-encoding every UTF-8 byte outside
 * {@code [A-Za-z0-9_-]}, which is injective and never yields {@code .}, {@code ..} or {@code .git};
 * a two-hex-digit shard taken from the SHA-1 of the id keeps every tree small. Stateless and
 * thread-safe.
 */
public final class StateCodec {

    /** The first line of a record blob. */
    public static final String RECORD_HEADER = "reposix-record 1";
    /** The content of the {@code format} blob of a state tree. */
    public static final String STATE_FORMAT = "reposix-sync-state 1\n";
    /** The content of the {@code format} blob of the state index. */
    public static final String INDEX_FORMAT = "reposix-state-index 1\n";

    /** Written in place of the remote link of an attachment that is in the tree. */
    private static final String NO_LINK = "-";

    private StateCodec() {
    }

    /**
     * The path of a record's blob inside a state tree, e.g. {@code records/3f/12345}.
     *
     * @param recordId the record id
     * @return the path
     */
    public static String recordPath(String recordId) {
        MessageDigest digest = Constants.newMessageDigest();
        byte[] hash = digest.digest(recordId.getBytes(StandardCharsets.UTF_8));
        // not String.format: a first import computes ten thousand of these
        return "records/" + HexFormat.of().toHexDigits(hash[0]) + "/" + encodeId(recordId);
    }

    /**
     * Decodes the id from the last component of a record path.
     *
     * @param entryName the entry name
     * @return the record id
     */
    public static String decodeId(String entryName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < entryName.length(); index++) {
            char character = entryName.charAt(index);
            if (character == '%' && index + 2 < entryName.length()) {
                bytes.write(Integer.parseInt(entryName.substring(index + 1, index + 3), 16));
                index += 2;
            } else {
                bytes.write(character);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Serialises one record.
     *
     * @param state the record state
     * @return the blob content
     */
    public static byte[] encode(RecordState state) {
        StringBuilder text = new StringBuilder(RECORD_HEADER).append('\n');
        text.append("version ").append(state.version()).append('\n');
        text.append("content-hash ").append(escape(state.contentHash(), false)).append('\n');
        text.append("title ").append(escape(state.title(), false)).append('\n');
        state.parent().ifPresent(parent -> text.append("parent ").append(escape(parent, false)).append('\n'));
        for (String label : state.labels()) {
            text.append("label ").append(escape(label, false)).append('\n');
        }
        text.append("path ").append(escape(state.path(), false)).append('\n');
        state.attributes().forEach((key, value) -> text.append("attribute ").append(escape(key, true)).append(' ')
                .append(escape(value, false)).append('\n'));
        state.attachments().forEach((id, file) -> text.append("attachment ").append(escape(id, true)).append(' ')
                .append(file.version()).append(' ').append(file.size()).append(' ').append(escape(file.path(), true))
                .append(' ').append(file.remoteLink().map(link -> escape(link, true)).orElse(NO_LINK)).append(' ')
                .append(escape(file.fileName(), false)).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses one record.
     *
     * @param content the blob content
     * @param where the record id, for messages
     * @return the record state
     */
    public static RecordState decode(byte[] content, String where) {
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(RECORD_HEADER)) {
            String header = lines.length == 0 ? "" : lines[0];
            if (header.startsWith("reposix-record ")) {
                throw new ReposixException(GitErrorCode.STATE_FORMAT_UNSUPPORTED,
                        "the sync state of record " + where + " has format '" + header + "', this reposix reads '"
                                + RECORD_HEADER + "'; upgrade reposix");
            }
            throw corrupt(where, "no '" + RECORD_HEADER + "' header");
        }
        long version = -1;
        String hash = null;
        String title = null;
        String path = null;
        Optional<String> parent = Optional.empty();
        SortedSet<String> labels = new TreeSet<>();
        SortedMap<String, String> attributes = new TreeMap<>();
        SortedMap<String, AttachmentState> attachments = new TreeMap<>();
        for (int index = 1; index < lines.length; index++) {
            String line = lines[index];
            int space = line.indexOf(' ');
            if (space < 0) {
                throw corrupt(where, "line '" + line + "' has no value");
            }
            String value = line.substring(space + 1);
            switch (line.substring(0, space)) {
                case "version" -> version = parseVersion(value, where);
                case "content-hash" -> hash = unescape(value);
                case "title" -> title = unescape(value);
                case "parent" -> parent = Optional.of(unescape(value));
                case "label" -> labels.add(unescape(value));
                case "path" -> path = unescape(value);
                case "attribute" -> {
                    int separator = value.indexOf(' ');
                    if (separator < 0) {
                        throw corrupt(where, "attribute without value");
                    }
                    attributes.put(unescape(value.substring(0, separator)), unescape(value.substring(separator + 1)));
                }
                case "attachment" -> {
                    String[] fields = value.split(" ", 6);
                    if (fields.length < 6) {
                        throw corrupt(where, "attachment line '" + line + "' has too few fields");
                    }
                    try {
                        attachments.put(unescape(fields[0]), new AttachmentState(unescape(fields[5]),
                                parseVersion(fields[1], where), parseVersion(fields[2], where), unescape(fields[3]),
                                fields[4].equals(NO_LINK) ? Optional.empty() : Optional.of(unescape(fields[4]))));
                    } catch (IllegalArgumentException invalid) {
                        throw corrupt(where, "attachment line '" + line + "': " + invalid.getMessage());
                    }
                }
                default -> throw corrupt(where, "unknown field '" + line.substring(0, space) + "'");
            }
        }
        if (version < 0 || hash == null || title == null || path == null) {
            throw corrupt(where, "a required field is missing");
        }
        return new RecordState(version, hash, title, parent, labels, path, attributes, attachments);
    }

    private static long parseVersion(String value, String where) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw corrupt(where, "version '" + value + "' is not a number");
        }
    }

    private static String encodeId(String recordId) {
        StringBuilder out = new StringBuilder();
        for (byte value : recordId.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = value & 0xff;
            if ((unsigned >= 'a' && unsigned <= 'z') || (unsigned >= 'A' && unsigned <= 'Z')
                    || (unsigned >= '0' && unsigned <= '9') || unsigned == '_' || unsigned == '-') {
                out.append((char) unsigned);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) unsigned));
            }
        }
        return out.toString();
    }

    private static String escape(String value, boolean escapeSpace) {
        StringBuilder out = new StringBuilder(value.length());
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            switch (character) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ' ' -> out.append(escapeSpace ? "\\s" : " ");
                default -> out.append(character);
            }
        }
        return out.toString();
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character == '\\' && index + 1 < value.length()) {
                char next = value.charAt(++index);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 's' -> ' ';
                    default -> next;
                });
            } else {
                out.append(character);
            }
        }
        return out.toString();
    }

    private static ReposixException corrupt(String where, String why) {
        return new ReposixException(GitErrorCode.CACHE_CORRUPT,
                "the sync state of record " + where + " cannot be read: " + why
                        + "; run `git fsck --strict` and, if the cache is damaged, remove it and sync again");
    }
}
