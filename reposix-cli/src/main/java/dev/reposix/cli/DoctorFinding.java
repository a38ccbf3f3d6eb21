package dev.reposix.cli;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * One result of {@code reposix doctor}: how bad, which check, what was found and the command that
 * fixes it. Immutable and thread-safe.
 *
 * @param level how bad
 * @param check the check's short name, e.g. {@code cache}
 * @param message what was found; never a secret's value
 * @param fix the command or step that fixes it, if something needs fixing
 */
record DoctorFinding(Level level, String check, String message, Optional<String> fix) {

    /** How bad a finding is; only {@link #ERROR} makes the exit code non-zero. */
    enum Level {
        /** The check passed. */
        OK,
        /** Worth knowing, nothing to fix. */
        INFO,
        /** Works, but probably not as intended. */
        WARN,
        /** Broken: a command will fail until it is fixed. */
        ERROR;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    DoctorFinding {
        requireNonNull(level, "level is null");
        requireNonNull(check, "check is null");
        requireNonNull(message, "message is null");
        requireNonNull(fix, "fix is null");
    }

    static DoctorFinding ok(String check, String message) {
        return new DoctorFinding(Level.OK, check, message, Optional.empty());
    }

    static DoctorFinding info(String check, String message) {
        return new DoctorFinding(Level.INFO, check, message, Optional.empty());
    }

    static DoctorFinding warn(String check, String message, String fix) {
        return new DoctorFinding(Level.WARN, check, message, Optional.of(fix));
    }

    static DoctorFinding error(String check, String message, String fix) {
        return new DoctorFinding(Level.ERROR, check, message, Optional.of(fix));
    }
}
