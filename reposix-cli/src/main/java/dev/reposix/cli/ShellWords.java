package dev.reposix.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Writes values as POSIX shell words, for the commands reposix prints for users to paste. Stateless. */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * A value as one shell word: as it is when that is safe, otherwise in single quotes.
     *
     * @param value the value
     * @return the word
     */
    static String quote(String value) {
        return value.matches("[A-Za-z0-9@%_+=:,./-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /**
     * A command line of quoted words separated by spaces.
     *
     * @param words the words
     * @return the command line
     */
    static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }
}
