package dev.reposix.simulator.internal.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reposix.simulator.internal.store.PageTree;
import dev.reposix.simulator.internal.store.StoredFolder;
import dev.reposix.simulator.internal.store.StoredPage;
import dev.reposix.simulator.internal.store.StoredProperty;
import dev.reposix.simulator.internal.store.StoredSpace;
import dev.reposix.simulator.internal.store.StoredVersion;
import dev.reposix.simulator.seed.SeedUser;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;


/**
 * Renders stored values with the field names and types of the v2 OpenAPI document (ids as
 * strings, timestamps with milliseconds and {@code Z}). Optional parts appear only when asked
 * for, as on Cloud: a page without {@code body-format} has no {@code body}; a top-level page has
 * no {@code parentId}/{@code parentType}.
 */
final class JsonViews {
    private JsonViews() {
    }

    static ObjectNode page(StoredPage page, String spaceKey, PageViewOptions options, ApiContext context) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(page.id()));
        json.put("status", page.status());
        json.put("title", page.title());
        json.put("spaceId", Long.toString(page.spaceId()));
        if (page.parentId() != null) {
            json.put("parentId", Long.toString(page.parentId()));
            json.put("parentType", page.parentType());
        }
        json.put("position", page.position());
        json.put("authorId", page.authorId());
        json.put("ownerId", page.ownerId());
        json.putNull("lastOwnerId");
        json.put("createdAt", Json.timestamp(page.createdAt()));
        if (options.version()) {
            json.set("version", version(page.version()));
        }
        if (options.storageBody()) {
            ObjectNode storage = json.putObject("body").putObject("storage");
            storage.put("representation", "storage");
            storage.put("value", page.body());
        }
        if (options.labels()) {
            ObjectNode labels = json.putObject("labels");
            ArrayNode results = labels.putArray("results");
            page.labels().forEach(name -> results.add(label(context.labelId(name), name)));
            labels.putObject("meta").put("hasMore", false);
            labels.putObject("_links").put("self", "/wiki/api/v2/pages/" + page.id() + "/labels");
        }
        ObjectNode links = json.putObject("_links");
        links.put("editui", "/pages/resumedraft.action?draftId=" + page.id());
        links.put("webui", "/spaces/" + spaceKey + "/pages/" + page.id() + "/"
            + URLEncoder.encode(page.title(), StandardCharsets.UTF_8));
        links.put("tinyui", "/x/" + tinyId(page.id()));
        if (options.single()) {
            links.put("base", context.siteBase());
        }
        return json;
    }

    static ObjectNode space(StoredSpace space, boolean single, ApiContext context) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(space.id()));
        json.put("key", space.key());
        json.put("name", space.name());
        json.put("type", "global");
        json.put("status", "current");
        json.put("authorId", space.authorId());
        json.put("createdAt", Json.timestamp(space.createdAt()));
        json.put("homepageId", Long.toString(space.homepageId()));
        if (!single) {
            json.put("currentActiveAlias", space.key());
        }
        ObjectNode links = json.putObject("_links");
        links.put("webui", "/spaces/" + space.key());
        if (single) {
            links.put("base", context.siteBase());
        }
        return json;
    }

    static ObjectNode folder(StoredFolder folder, String spaceKey, ApiContext context) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(folder.id()));
        json.put("type", "folder");
        json.put("status", "current");
        json.put("title", folder.title());
        if (folder.parentId() != null) {
            json.put("parentId", Long.toString(folder.parentId()));
            json.put("parentType", folder.parentType());
        }
        json.put("position", folder.position());
        json.put("authorId", folder.authorId());
        json.put("ownerId", folder.authorId());
        json.put("createdAt", Json.timestamp(folder.createdAt()));
        json.put("spaceId", Long.toString(folder.spaceId()));
        json.set("version", version(folder.version()));
        ObjectNode links = json.putObject("_links");
        links.put("webui", "/spaces/" + spaceKey + "/folder/" + folder.id());
        links.put("base", context.siteBase());
        return json;
    }

    static ObjectNode version(StoredVersion version) {
        ObjectNode json = Json.object();
        json.put("number", version.number());
        json.put("message", version.message());
        json.put("minorEdit", version.minorEdit());
        json.put("authorId", version.authorId());
        json.put("createdAt", Json.timestamp(version.createdAt()));
        return json;
    }

    static ObjectNode label(long id, String name) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(id));
        json.put("name", name);
        json.put("prefix", "global");
        return json;
    }

    static ObjectNode property(StoredProperty property) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(property.id()));
        json.put("key", property.key());
        json.set("value", property.value().deepCopy());
        json.set("version", version(property.version()));
        return json;
    }

    static ObjectNode user(SeedUser user) {
        ObjectNode json = Json.object();
        json.put("accountId", user.accountId());
        json.put("accountType", "atlassian");
        json.put("accountStatus", "active");
        json.put("displayName", user.displayName());
        json.put("publicName", user.displayName());
        json.put("email", user.email());
        json.put("timeZone", "Etc/UTC");
        json.put("isExternalCollaborator", false);
        ObjectNode picture = json.putObject("profilePicture");
        picture.put("path", "/wiki/aa-avatar/" + user.accountId());
        picture.put("isDefault", true);
        return json;
    }

    static ObjectNode child(PageTree.Child child, boolean withType) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(child.id()));
        json.put("status", child.status());
        json.put("title", child.title());
        if (withType) {
            json.put("type", child.type());
        }
        json.put("spaceId", Long.toString(child.spaceId()));
        json.put("childPosition", child.position());
        return json;
    }

    static ObjectNode ancestor(PageTree.Ancestor ancestor) {
        ObjectNode json = Json.object();
        json.put("id", Long.toString(ancestor.id()));
        json.put("type", ancestor.type());
        return json;
    }

    /** Cloud's tiny links are the id's bytes in base64url; the exact shape does not matter. */
    private static String tinyId(long id) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(Long.reverseBytes(id)).array();
        int length = bytes.length;
        while (length > 1 && bytes[length - 1] == 0) {
            length--;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(bytes, length));
    }
}
