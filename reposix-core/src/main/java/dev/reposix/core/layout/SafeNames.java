package dev.reposix.core.layout;

import dev.reposix.api.RecordId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns titles and ids into file-name stems that are safe on Linux, macOS and Windows, and back.
 * Stateless and thread-safe.
 *
 * <p>The escape is a percent escape of the character's UTF-8 bytes ({@code /} becomes
 * {@code %2F}), chosen because it is readable, reversible with {@link #title(String)} and familiar
 * from URLs. Escaped are: {@code %} and {@code ~} themselves ({@code ~} marks the record id reposix
 * appends to disambiguate or shorten), {@code / \ : * ? " < > |}, control characters, invisible
 * bidirectional and format characters, a leading dot or space, a trailing dot or space, the first
 * character of a Windows reserved name ({@code CON}, {@code con.txt}, {@code LPT1} ...) and of
 * {@code README}, and the dot of a trailing {@code .md} or {@code .assets} (so a directory never
 * looks like a page file or an attachment folder). Titles are normalised to NFC first. The rules
 * are fixed character lists rather than Unicode categories so that names do not change with the
 * JDK's Unicode version.
 */
public final class SafeNames {

    /** Separates a title from the record id reposix appends; never appears in an escaped title. */
    public static final char ID_MARKER = '~';

    /** The stem used for a record whose title is empty. */
    static final String UNTITLED = "Untitled";

    private static final int MAX_ID_TOKEN = 32;
    private static final String ALWAYS_ESCAPED = "%~/\\:*?\"<>|";
    private static final Set<Integer> INVISIBLE = Set.of(0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F,
            0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
            0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB, 0xFFFE, 0xFFFF);
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "clock$", "conin$", "conout$",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com¹", "com²", "com³",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³");
    private static final String README = "README";

    private SafeNames() {
    }

    /**
     * The safe stem (file name without {@code .md}) for a title.
     *
     * @param title a record title, any text
     * @return the escaped, NFC-normalised stem; never empty
     */
    public static String stem(String title) {
        return String.join("", stemTokens(title));
    }

    /**
     * The stem as tokens, one per code point (a literal character or its percent escape), so
     * that shortening never cuts an escape in half.
     */
    static List<String> stemTokens(String title) {
        return tokens(title, true);
    }

    /**
     * The safe file name for an attachment in a page's {@code .assets} folder: the same escapes as
     * a title, except that {@code .md}, {@code .assets} and {@code README} are fine there.
     *
     * @param fileName the attachment's file name
     * @return the escaped, NFC-normalised name; {@link #title(String)} decodes it
     */
    public static String attachmentFileName(String fileName) {
        return String.join("", tokens(fileName, false));
    }

    private static List<String> tokens(String title, boolean recordTitle) {
        String normalised = Normalizer.normalize(title, Normalizer.Form.NFC);
        if (normalised.isEmpty()) {
            normalised = UNTITLED;
        }
        int[] codePoints = normalised.codePoints().toArray();
        boolean[] escape = new boolean[codePoints.length];
        for (int index = 0; index < codePoints.length; index++) {
            escape[index] = mustEscape(codePoints[index]);
        }
        int last = codePoints.length - 1;
        escape[0] |= codePoints[0] == '.' || codePoints[0] == ' ';
        escape[last] |= codePoints[last] == '.' || codePoints[last] == ' ';
        if (recordTitle ? isReserved(normalised) : isWindowsReserved(normalised)) {
            escape[0] = true;
        }
        String lower = normalised.toLowerCase(Locale.ROOT);
        if (recordTitle && (lower.endsWith(".md") || lower.endsWith(".assets"))) {
            escape[normalised.codePointCount(0, normalised.lastIndexOf('.'))] = true;
        }
        List<String> tokens = new ArrayList<>(codePoints.length);
        for (int index = 0; index < codePoints.length; index++) {
            tokens.add(escape[index] ? percentEscape(codePoints[index]) : Character.toString(codePoints[index]));
        }
        return tokens;
    }

    /**
     * The token that stands for a record id in names: the id with everything but ASCII letters,
     * digits, {@code -} and {@code _} percent-escaped; a long id is replaced by {@code h} and a
     * hash prefix so that names stay short.
     *
     * @param id the record id
     * @return the token, at most 32 characters
     */
    public static String idToken(RecordId id) {
        StringBuilder token = new StringBuilder();
        id.value().codePoints().forEach(codePoint -> token.append(isIdSafe(codePoint)
                ? Character.toString(codePoint) : percentEscape(codePoint)));
        if (token.length() > MAX_ID_TOKEN) {
            return "h" + sha256Hex(id.value()).substring(0, 24);
        }
        if (isReserved(token.toString())) {
            return percentEscape(token.codePointAt(0)) + token.substring(Character.charCount(token.codePointAt(0)));
        }
        return token.toString();
    }

    /**
     * The title a file name stands for: percent escapes of valid UTF-8 are decoded, anything else
     * (such as {@code 100% done}) is kept literally. Used for files a user created without a title.
     *
     * @param stem a file name without {@code .md}
     * @return the title, NFC-normalised
     */
    public static String title(String stem) {
        StringBuilder title = new StringBuilder();
        int index = 0;
        while (index < stem.length()) {
            int end = escapeRunEnd(stem, index);
            String decoded = end > index ? decodeUtf8(stem.substring(index, end)) : null;
            if (decoded != null) {
                title.append(decoded);
                index = end;
            } else {
                title.append(stem.charAt(index));
                index++;
            }
        }
        return Normalizer.normalize(title.toString(), Normalizer.Form.NFC);
    }

    /**
     * The key under which two names clash on a case-insensitive file system (NTFS, APFS, HFS+):
     * deliberately broad (upper- then lower-casing folds {@code ß} and {@code SS} together), since a
     * false clash only costs an id suffix.
     */
    static String fold(String name) {
        return Normalizer.normalize(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** Whether a character is a combining mark or joiner that must not end a shortened name. */
    static boolean isJoining(String token) {
        int codePoint = token.codePointAt(0);
        int type = Character.getType(codePoint);
        return token.length() <= 2 && (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || codePoint == 0x200C || codePoint == 0x200D);
    }

    static String percentEscape(int codePoint) {
        byte[] bytes = Character.isSurrogate((char) codePoint) && Character.isBmpCodePoint(codePoint)
                ? "\uFFFD".getBytes(StandardCharsets.UTF_8)
                : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder(bytes.length * 3);
        for (byte value : bytes) {
            escaped.append('%').append(HexFormat.of().withUpperCase().toHexDigits(value));
        }
        return escaped.toString();
    }

    private static boolean mustEscape(int codePoint) {
        return codePoint < 0x20 || codePoint >= 0x7F && codePoint <= 0x9F || ALWAYS_ESCAPED.indexOf(codePoint) >= 0
                || INVISIBLE.contains(codePoint) || Character.isBmpCodePoint(codePoint)
                && Character.isSurrogate((char) codePoint);
    }

    /** Whether Windows reserves a name (also with an extension), or it would pose as a README. */
    static boolean isReserved(String name) {
        return isWindowsReserved(name) || name.equalsIgnoreCase(README);
    }

    private static boolean isWindowsReserved(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return RESERVED.contains(base.toLowerCase(Locale.ROOT));
    }

    private static boolean isIdSafe(int codePoint) {
        return codePoint < 0x80 && (Character.isLetterOrDigit(codePoint) || codePoint == '-' || codePoint == '_');
    }

    private static int escapeRunEnd(String text, int start) {
        int index = start;
        while (index + 2 < text.length() && text.charAt(index) == '%' && isHex(text.charAt(index + 1))
                && isHex(text.charAt(index + 2))) {
            index += 3;
        }
        return index;
    }

    private static boolean isHex(char character) {
        return Character.digit(character, 16) >= 0;
    }

    /** Decodes a run of escapes, or returns null when the bytes are not valid UTF-8. */
    private static String decodeUtf8(String escapes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < escapes.length(); index += 3) {
            bytes.write(Integer.parseInt(escapes.substring(index + 1, index + 3), 16));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
