import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Merges the local-only additions (demo users, fixed client secrets, password grant for the web
 * client) into the production realm file, producing ONE realm file for Keycloak's --import-realm.
 *
 * Why one merged file: --import-realm imports each realm once, from the first file that names it;
 * a second file for the same realm would be skipped, and a users-only file cannot carry client
 * secrets. Why Java: the machine may have only a JDK (no jq, no python); Jackson comes from the
 * Keycloak distribution we run anyway, so there is nothing extra to download:
 *
 *   java -cp "$KC_HOME/lib/lib/main/*" MergeRealm.java base.json overlay.json out.json
 *
 * Rules: objects merge key by key (the overlay wins on scalars); a null in the overlay removes the
 * key; keys starting with "_" in the overlay are comments and are dropped; in lists, an overlay
 * object with the same clientId / username / name / alias as a base item is merged into it, any
 * other item is appended (scalar items only if not already present).
 */
public class MergeRealm {

    private static final List<String> IDENTITY_KEYS = List.of("clientId", "username", "name", "alias");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java -cp <jackson jars> MergeRealm.java <base.json> <overlay.json> <out.json>");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode base = mapper.readTree(new File(args[0]));
        JsonNode overlay = mapper.readTree(new File(args[1]));
        JsonNode merged = merge(base, overlay);

        Path out = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path tmp = Files.createTempFile(out.getParent(), ".merge-", ".json");
        mapper.writeValue(tmp.toFile(), merged);
        // Atomic, so Keycloak never sees a half-written realm file.
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode baseObject && overlay instanceof ObjectNode overlayObject) {
            ObjectNode result = baseObject.deepCopy();
            for (Map.Entry<String, JsonNode> field : overlayObject.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if (key.startsWith("_")) {
                    continue;
                }
                if (value.isNull()) {
                    result.remove(key);
                } else if (result.has(key)) {
                    result.set(key, merge(result.get(key), value));
                } else {
                    result.set(key, value.deepCopy());
                }
            }
            return result;
        }
        if (base instanceof ArrayNode baseArray && overlay instanceof ArrayNode overlayArray) {
            ArrayNode result = baseArray.deepCopy();
            for (JsonNode item : overlayArray) {
                int same = indexOfSame(result, item);
                if (same >= 0) {
                    result.set(same, merge(result.get(same), item));
                } else if (item.isValueNode() && contains(result, item)) {
                    continue;
                } else {
                    result.add(item.deepCopy());
                }
            }
            return result;
        }
        return overlay.deepCopy();
    }

    private static int indexOfSame(ArrayNode list, JsonNode item) {
        if (!item.isObject()) {
            return -1;
        }
        for (String key : IDENTITY_KEYS) {
            if (item.hasNonNull(key)) {
                for (int i = 0; i < list.size(); i++) {
                    if (item.get(key).equals(list.get(i).get(key))) {
                        return i;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    private static boolean contains(ArrayNode list, JsonNode item) {
        for (JsonNode existing : list) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
