package dev.reposix.core.layout;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Rules for the name of the records folder ({@code pages} by default). Stateless and thread-safe.
 */
public final class RecordsFolder {

    /** The default records folder. */
    public static final String DEFAULT = "pages";

    /** Longest accepted records folder, so that record paths keep room under the path cap. */
    public static final int MAX_LENGTH = 40;

    private static final Pattern SEGMENTS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*");

    private RecordsFolder() {
    }

    /**
     * Checks a records folder: one or more segments of ASCII letters, digits, {@code -} and
     * {@code _}, at most 40 characters, no segment a Windows reserved name. Dots, spaces and escapes are refused so that the folder is
     * also a valid {@code .gitattributes} pattern and never a reserved name.
     *
     * @param recordsFolder e.g. {@code pages} or {@code docs/pages}
     * @return the folder
     * @throws IllegalArgumentException if it breaks a rule
     */
    public static String validate(String recordsFolder) {
        if (recordsFolder == null || recordsFolder.length() > MAX_LENGTH || !SEGMENTS.matcher(recordsFolder).matches()
                || Arrays.stream(recordsFolder.split("/")).anyMatch(SafeNames::isReserved)) {
            throw new IllegalArgumentException("records folder must be 1.." + MAX_LENGTH
                    + " characters of letters, digits, - and _, segments separated by /: '" + recordsFolder + "'");
        }
        return recordsFolder;
    }
}
