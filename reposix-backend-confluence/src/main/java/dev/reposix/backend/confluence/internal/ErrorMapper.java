package dev.reposix.backend.confluence.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reposix.api.RedactedUri;
import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.api.TransportResponse;
import dev.reposix.backend.confluence.ConfluenceErrorCode;
import java.io.IOException;

/** Turns Confluence's error answers into reposix errors whose messages say what to do. Thread-safe. */
final class ErrorMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH_MISMATCH = "FAILURE_CLIENT_AUTH_MISMATCH";

    private final ConfluenceSite site;

    ErrorMapper(ConfluenceSite site) {
        this.site = site;
    }

    ReposixException failure(TransportResponse response, String purpose) {
        int status = response.status();
        String reason = serverReason(response);
        String where = purpose + " (" + endpoint(response) + " answered " + status + reason + ")";
        switch (status) {
            case 401:
                return new ReposixException(ConfluenceErrorCode.AUTHENTICATION_FAILED, authenticationMessage(response, where));
            case 403:
                return new ReposixException(ConfluenceErrorCode.PERMISSION_DENIED, site.email()
                        + " is not allowed to do this: " + where + "; ask a space admin for the permission");
            case 404:
                return new ReposixException(StandardErrorCode.RECORD_NOT_FOUND, "not found or not visible to "
                        + site.email() + ": " + where);
            case 409:
                return new ReposixException(ConfluenceErrorCode.EDIT_CONFLICT, "someone else changed it meanwhile: "
                        + where + "; fetch, merge and try again");
            case 413:
                return new ReposixException(ConfluenceErrorCode.PAGE_TOO_LARGE, "too large for Confluence: " + where
                        + "; split the page or move large content into attachments");
            case 429:
                return new ReposixException(ConfluenceErrorCode.SERVICE_UNAVAILABLE, "still rate limited after"
                        + " waiting: " + where + "; wait a few minutes and run the command again");
            default:
                if (status >= 500) {
                    return new ReposixException(ConfluenceErrorCode.SERVICE_UNAVAILABLE, "Confluence failed: " + where
                            + "; this is on Confluence's side, try again in a few minutes");
                }
                if (status == 400) {
                    return new ReposixException(StandardErrorCode.REJECTED_BY_SOURCE, "Confluence refused: " + where);
                }
                return unexpected(purpose, response, "unexpected status " + status + reason);
        }
    }

    private String authenticationMessage(TransportResponse response, String where) {
        StringBuilder message = new StringBuilder("Confluence rejected the credentials of ").append(site.email())
                .append(": ").append(where).append(". ");
        if (response.header("x-failure-category").filter(AUTH_MISMATCH::equals).isPresent()) {
            message.append("The token does not belong to this e-mail: ATLASSIAN_EMAIL must be the account that"
                    + " created ATLASSIAN_API_KEY. ");
        }
        message.append("Also check that the API token has not expired or been revoked");
        if (site.isSiteUrl()) {
            message.append(", and if it is a scoped token, set REPOSIX_CONFLUENCE_BASE_URL="
                    + "https://api.atlassian.com/ex/confluence/<cloudId> instead of the site URL");
        }
        return message.append('.').toString();
    }

    ReposixException unexpected(String purpose, TransportResponse response, String problem) {
        return new ReposixException(ConfluenceErrorCode.UNEXPECTED_RESPONSE, "cannot read Confluence's answer while "
                + purpose + ": " + problem + " (" + endpoint(response) + ")");
    }

    private static String endpoint(TransportResponse response) {
        return RedactedUri.of(response.uri()).replaceFirst("\\?.*", "");
    }

    /** The title or message of a v2 ({@code errors[0].title}) or v1 ({@code message}) error body. */
    private static String serverReason(TransportResponse response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null) {
                return "";
            }
            String text = body.path("errors").path(0).path("title").asText(body.path("message").asText(""));
            return text.isBlank() ? "" : ": " + (text.length() > 200 ? text.substring(0, 197) + "..." : text);
        } catch (IOException notJson) {
            return "";
        }
    }
}
