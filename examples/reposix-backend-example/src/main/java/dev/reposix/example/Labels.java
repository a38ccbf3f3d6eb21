package dev.reposix.example;

import dev.reposix.api.ReposixException;
import java.util.Set;

/** The labels this backend can store: its file format separates them with commas. */
final class Labels {

    private Labels() {
    }

    static void requireValid(Set<String> labels) {
        for (String label : labels) {
            if (label.isEmpty() || label.contains(",") || label.chars().anyMatch(Character::isWhitespace)) {
                throw new ReposixException(ExampleErrorCode.INVALID_LABEL,
                        "label '" + label + "' is empty or contains whitespace or a comma; rename it, e.g. 'release-notes'");
            }
        }
    }
}
