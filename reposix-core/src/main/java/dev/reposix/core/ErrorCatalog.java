package dev.reposix.core;

import dev.reposix.api.ErrorCode;
import dev.reposix.api.SourceOfTruthProvider;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.core.http.HttpErrorCode;
import dev.reposix.git.GitErrorCode;
import dev.reposix.core.push.PushErrorCode;
import dev.reposix.git.MirrorErrorCode;
import dev.reposix.core.render.RenderErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every error code reposix can report: the API's, core's, and those of the loaded backends; what
 * {@code reposix explain} looks codes up in. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ErrorCatalog {

    private final List<ErrorCode> codes;

    private ErrorCatalog(List<ErrorCode> codes) {
        this.codes = codes.stream().sorted(Comparator.comparingInt(ErrorCode::number)).toList();
    }

    /**
     * The catalog of reposix's own codes plus the providers' codes.
     *
     * @param providers the loaded providers
     * @return the catalog
     */
    static ErrorCatalog of(Collection<SourceOfTruthProvider> providers) {
        List<ErrorCode> codes = new ArrayList<>();
        codes.addAll(Arrays.asList(StandardErrorCode.values()));
        codes.addAll(Arrays.asList(CoreErrorCode.values()));
        codes.addAll(Arrays.asList(RenderErrorCode.values()));
        codes.addAll(Arrays.asList(HttpErrorCode.values()));
        codes.addAll(Arrays.asList(GitErrorCode.values()));
        codes.addAll(Arrays.asList(MirrorErrorCode.values()));
        codes.addAll(Arrays.asList(PushErrorCode.values()));
        for (SourceOfTruthProvider provider : providers) {
            codes.addAll(provider.errorCodes());
        }
        return new ErrorCatalog(codes);
    }

    /**
     * Every code, by number.
     *
     * @return the codes
     */
    public List<ErrorCode> all() {
        return codes;
    }

    /**
     * Looks a code up by {@code RPX-nnnn}, the bare number, or its name (any case).
     *
     * @param query e.g. {@code RPX-1001}, {@code 1001} or {@code egress_denied}
     * @return the code, if known
     */
    public Optional<ErrorCode> find(String query) {
        String wanted = query.trim().toUpperCase(Locale.ROOT);
        String digits = wanted.startsWith("RPX-") ? wanted.substring(4) : wanted;
        for (ErrorCode code : codes) {
            if (code.name().equals(wanted) || isNumber(digits) && Integer.parseInt(digits) == code.number()) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.length() <= 4 && text.chars().allMatch(Character::isDigit);
    }
}
