package dev.reposix.backend.confluence.internal;

import dev.reposix.backend.confluence.ConfluenceSpace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reposix.api.ReposixException;
import dev.reposix.api.StandardErrorCode;
import dev.reposix.backend.confluence.ConfluenceErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds spaces: by key, or all the account can read. Stateless apart from its client; thread-safe. */
public final class SpaceDirectory {

    private final ConfluenceHttp http;

    /**
     * Creates a directory.
     *
     * @param http the site client
     */
    public SpaceDirectory(ConfluenceHttp http) {
        this.http = http;
    }

    /**
     * The space with this key.
     *
     * @param key the space key (case-sensitive)
     * @return the space
     * @throws ReposixException {@link ConfluenceErrorCode#SPACE_NOT_FOUND} when absent or not visible
     */
    public ConfluenceSpace require(String key) {
        List<ConfluenceSpace> found = new ArrayList<>();
        String path = Query.of().with("keys", key).with("limit", 250).appendTo("/wiki/api/v2/spaces");
        try {
            http.paginate(path, "looking up space " + key, item -> found.add(space(item)));
        } catch (ReposixException notFound) {
            if (notFound.errorCode() != StandardErrorCode.RECORD_NOT_FOUND) {
                throw notFound;
            }
        }
        return found.stream().filter(space -> space.key().equals(key)).findFirst().orElseThrow(() ->
                new ReposixException(ConfluenceErrorCode.SPACE_NOT_FOUND, "space " + key + " not found or not visible to "
                        + http.site().email() + " at " + http.site().baseUrl()
                        + "; space keys are case-sensitive, and `reposix spaces` lists the readable ones"));
    }

    /**
     * Every space the account can read, in Confluence's order.
     *
     * @return the spaces
     */
    public List<ConfluenceSpace> all() {
        List<ConfluenceSpace> spaces = new ArrayList<>();
        http.paginate(Query.of().with("limit", 250).appendTo("/wiki/api/v2/spaces"), "listing spaces",
                item -> spaces.add(space(item)));
        return spaces;
    }

    private static ConfluenceSpace space(JsonNode item) {
        String homepage = item.path("homepageId").asText("");
        return new ConfluenceSpace(PageJson.requiredText(item, "id"), PageJson.requiredText(item, "key"),
                item.path("name").asText(""), homepage.isEmpty() ? Optional.empty() : Optional.of(homepage));
    }
}
