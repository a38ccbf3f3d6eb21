package dev.reposix.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.seed.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates every response shape the simulator serves against the Confluence Cloud v2 OpenAPI
 * document, strictly (see {@link StrictOpenApiSchemas}). Fields Cloud sends only when asked for
 * ({@code body} without {@code body-format}, {@code labels} without {@code include-labels}, ...)
 * are optional; top-level pages and folders have no {@code parentId}/{@code parentType}. Error
 * bodies, which the document does not describe, are checked against Cloud's v2 error shape.
 */
class OpenApiFidelityTest {
    private static final Set<String> ON_REQUEST_ONLY = Set.of("body", "labels", "properties", "operations", "likes",
        "versions", "isFavoritedByCurrentUser", "description", "icon", "permissions", "atlas_doc_format", "view",
        "personalSpaceId", "next", "cursor", "subtype", "currentActiveAlias");
    private static final String HOME = "1000001";
    private static final String SPACE = "131073";

    private static StrictOpenApiSchemas schemas;
    private static ConfluenceSimulator simulator;
    private static SimulatorHttp http;

    @BeforeAll
    static void start() {
        String location = System.getProperty("reposix.openapi");
        assertThat(location).as("system property reposix.openapi (set by the module pom)").isNotNull();
        Path document = Path.of(location);
        assertThat(Files.isRegularFile(document)).as("OpenAPI document at " + document).isTrue();
        schemas = new StrictOpenApiSchemas(document);
        simulator = SimulatorHttp.simulatorBuilder().seed(Seeds.demo()).start();
        http = new SimulatorHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void spaces() {
        check("/spaces", "get", http.get("/wiki/api/v2/spaces?keys=DEMO"), Set.of());
        check("/spaces/{id}", "get", http.get("/wiki/api/v2/spaces/" + SPACE), Set.of());
        check("/spaces/{id}/labels", "get", http.get("/wiki/api/v2/spaces/" + SPACE + "/labels"), Set.of());
        check("/spaces/{id}/content/labels", "get", http.get("/wiki/api/v2/spaces/" + SPACE + "/content/labels"),
            Set.of());
    }

    @Test
    void pageLists() {
        HttpResponse<String> withNext = http.get("/wiki/api/v2/pages?limit=5&body-format=storage");
        check("/pages", "get", withNext, Set.of("parentId", "parentType"), "body");
        assertThat(SimulatorHttp.json(withNext).path("_links").has("next")).isTrue();
        check("/pages", "get", http.get("/wiki/api/v2/pages?limit=250"), Set.of("parentId", "parentType"));
        String childPages = "/wiki/api/v2/spaces/" + SPACE + "/pages?limit=250&body-format=storage";
        List<JsonNode> all = http.listAll(childPages);
        assertThat(all).isNotEmpty();
        check("/spaces/{id}/pages", "get", http.get(childPages + "&id=1000002"), Set.of(), "body");
    }

    @Test
    void singlePages() {
        check("/pages/{id}", "get", http.get("/wiki/api/v2/pages/1000002?body-format=storage&include-labels=true"),
            Set.of(), "body", "labels");
        check("/pages/{id}", "get", http.get("/wiki/api/v2/pages/" + HOME), Set.of("parentId", "parentType"));
    }

    @Test
    void writes() {
        HttpResponse<String> created = http.post("/wiki/api/v2/pages",
            PagesApiTest.createBody("Fidelity", HOME, "<p>a</p>"));
        check("/pages", "post", created, Set.of(), "body");
        String id = SimulatorHttp.json(created).path("id").asText();
        HttpResponse<String> updated = http.put("/wiki/api/v2/pages/" + id, "{\"id\":\"" + id
            + "\",\"status\":\"current\",\"title\":\"Fidelity 2\",\"body\":{\"representation\":\"storage\","
            + "\"value\":\"<p>b</p>\"},\"version\":{\"number\":2}}");
        check("/pages/{id}", "put", updated, Set.of(), "body");
        HttpResponse<String> property = http.post("/wiki/api/v2/pages/" + id + "/properties",
            "{\"key\":\"k\",\"value\":{\"a\":[1,2]}}");
        check("/pages/{page-id}/properties", "post", property, Set.of());
        check("/pages/{page-id}/properties", "get", http.get("/wiki/api/v2/pages/" + id + "/properties"), Set.of());
    }

    @Test
    void hierarchyAndFolders() {
        check("/pages/{id}/children", "get", http.get("/wiki/api/v2/pages/" + HOME + "/children"), Set.of());
        HttpResponse<String> direct = http.get("/wiki/api/v2/pages/" + HOME + "/direct-children?limit=250");
        check("/pages/{id}/direct-children", "get", direct, Set.of());
        String folderId = null;
        for (JsonNode child : SimulatorHttp.json(direct).path("results")) {
            if (child.path("type").asText().equals("folder")) {
                folderId = child.path("id").asText();
            }
        }
        check("/folders/{id}", "get", http.get("/wiki/api/v2/folders/" + folderId), Set.of());
        check("/folders/{id}/direct-children", "get", http.get("/wiki/api/v2/folders/" + folderId
            + "/direct-children"), Set.of());
        check("/folders/{id}/ancestors", "get", http.get("/wiki/api/v2/folders/" + folderId + "/ancestors"),
            Set.of());
        check("/pages/{id}/ancestors", "get", http.get("/wiki/api/v2/pages/1000004/ancestors"), Set.of());
    }

    @Test
    void labelsAndUsers() {
        HttpResponse<String> labels = http.get("/wiki/api/v2/pages/" + HOME + "/labels");
        check("/pages/{id}/labels", "get", labels, Set.of());
        String labelId = SimulatorHttp.json(labels).path("results").get(0).path("id").asText();
        check("/labels/{id}/pages", "get", http.get("/wiki/api/v2/labels/" + labelId + "/pages"),
            Set.of("parentId", "parentType"));
        check("/users-bulk", "post", http.post("/wiki/api/v2/users-bulk",
            "{\"accountIds\":[\"5b10a2844c20165700ede21g\"]}"), Set.of());
    }

    @Test
    void attachments() {
        String embedImages = "1000020";
        HttpResponse<String> list = http.get("/wiki/api/v2/pages/" + embedImages + "/attachments?limit=1");
        assertThat(SimulatorHttp.json(list).path("_links").has("next")).isTrue();
        check("/pages/{id}/attachments", "get", list, Set.of("blogPostId", "customContentId"));
        String id = SimulatorHttp.json(list).path("results").get(0).path("id").asText();
        check("/attachments/{id}", "get", http.get("/wiki/api/v2/attachments/" + id),
            Set.of("blogPostId", "customContentId"));
        HttpResponse<String> site = http.get("/wiki/api/v2/attachments?limit=2");
        assertThat(SimulatorHttp.json(site).path("_links").has("next")).isTrue();
        check("/attachments", "get", site, Set.of("blogPostId", "customContentId"));
    }

    @Test
    void errorBodiesFollowTheV2ErrorShape() {
        ObjectNode errorSchema = (ObjectNode) readJson("{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"errors\"],\"properties\":{\"errors\":{\"type\":\"array\",\"minItems\":1,"
            + "\"items\":{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"status\",\"code\",\"title\",\"detail\"],\"properties\":{\"status\":{\"type\":\"integer\"},"
            + "\"code\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},\"detail\":{\"type\":[\"string\",\"null\"]}}}}}}");
        simulator.faults().add(FaultRule.on("GET", "/wiki/api/v2/spaces/{id}",
            Fault.tooManyRequests(Duration.ofSeconds(1))));
        List<HttpResponse<String>> errors = List.of(
            http.get("/wiki/api/v2/pages/424242"),
            http.put("/wiki/api/v2/pages/" + HOME, "{\"id\":\"" + HOME + "\",\"status\":\"current\","
                + "\"title\":\"DEMO Home\",\"version\":{\"number\":1}}"),
            http.get("/wiki/api/v2/spaces/" + SPACE),
            new SimulatorHttp(simulator.baseUrl(), "x", "y").get("/wiki/api/v2/pages"),
            http.get("/wiki/api/v2/pages?sort=nonsense"));
        assertThat(errors).extracting(HttpResponse::statusCode).containsExactly(404, 409, 429, 401, 400);
        for (HttpResponse<String> error : errors) {
            assertThat(schemas.errors(errorSchema, SimulatorHttp.json(error))).as(error.body()).isEmpty();
        }
    }

    @Test
    void strictSchemasRejectUndeclaredAndMissingFields() {
        JsonNode page = SimulatorHttp.json(http.get("/wiki/api/v2/pages/1000002"));
        ObjectNode schema = schemas.responseSchema("/pages/{id}", "get", "200", ON_REQUEST_ONLY);
        assertThat(schemas.errors(schema, page)).isEmpty();
        ObjectNode extra = page.deepCopy();
        extra.put("bogus", 1);
        assertThat(schemas.errors(schema, extra)).isNotEmpty();
        ObjectNode missing = page.deepCopy();
        missing.remove("title");
        assertThat(schemas.errors(schema, missing)).isNotEmpty();
        ObjectNode nullVersion = page.deepCopy();
        ((ObjectNode) nullVersion.get("version")).putNull("number");
        assertThat(schemas.errors(schema, nullVersion)).isNotEmpty();
        ObjectNode wrongType = page.deepCopy();
        wrongType.put("id", 1000002);
        assertThat(schemas.errors(schema, wrongType)).isNotEmpty();
    }

    /**
     * Validates a 200 response; {@code alsoOptional} relaxes fields absent for a reason, and
     * {@code requested} names on-request fields that this request asked for and must be present.
     */
    private static void check(String path, String method, HttpResponse<String> response, Set<String> alsoOptional,
                              String... requested) {
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        Set<String> optional = new HashSet<>(ON_REQUEST_ONLY);
        optional.addAll(alsoOptional);
        List.of(requested).forEach(optional::remove);
        ObjectNode schema = schemas.responseSchema(path, method, "200", optional);
        assertThat(schemas.errors(schema, SimulatorHttp.json(response)))
            .as(method + " " + path + " response " + response.body())
            .isEmpty();
    }

    private static JsonNode readJson(String text) {
        try {
            return SimulatorHttp.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
