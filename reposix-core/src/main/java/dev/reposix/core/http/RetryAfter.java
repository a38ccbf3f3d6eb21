package dev.reposix.core.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The delay a header asks for, capped; a date in the past means no wait.
     *
     * @param header the header value, if present
     * @param clock the clock to measure a date against
     * @param cap the longest delay honoured
     * @return the delay, or empty when the header is absent or unreadable
     */
    static Optional<Duration> parse(Optional<String> header, Clock clock, Duration cap) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        Duration delay;
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            delay = value.length() > 9 ? cap : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                delay = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
        if (delay.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
    }
}
