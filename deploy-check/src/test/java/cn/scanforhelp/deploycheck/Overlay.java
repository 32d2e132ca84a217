package cn.scanforhelp.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One overlay of deploy/k8s as kustomize would compose it, as far as the services' environment goes, without kubectl:
 * the base's Deployments and ConfigMaps, the overlay's settings.env as the ConfigMap sfh-settings, and the secrets
 * documented in secrets.example.yaml (or made by an operator). The overlays patch no Deployment's environment (checked
 * here: a patch of a Deployment may only change its replicas), so what the base says is what the cluster gets.
 */
final class Overlay {

    /** An environment variable's value: a literal, from a ConfigMap key, or from a secret (never read). */
    record EnvValue(String value, String secret, String from) {
        boolean isSecret() {
            return secret != null;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> OPERATOR_SECRET_SUFFIXES = Set.of("-app", "-ca", "-tls");

    final String name;
    final Map<String, Map<String, String>> configMaps = new HashMap<>();
    final Map<String, List<String>> exampleSecrets = new HashMap<>();
    final Map<String, JsonNode> deployments = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    Overlay(Path k8s, String name) throws IOException {
        this.name = name;
        Path dir = k8s.resolve("overlays").resolve(name);
        JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
        if (!contains(kustomization.path("resources"), "../../base")) {
            problems.add(name + ": kustomization.yaml does not build on ../../base");
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if ("Deployment".equals(patch.path("target").path("kind").asText())) {
                for (JsonNode op : YAML.readTree(patch.path("patch").asText())) {
                    if (!"/spec/replicas".equals(op.path("path").asText())) {
                        problems.add(name + ": a Deployment patch changes " + op.path("path").asText()
                                + " (only /spec/replicas: the environment is the base's)");
                    }
                }
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        boolean generated = false;
        for (JsonNode gen : kustomization.path("configMapGenerator")) {
            if ("sfh-settings".equals(gen.path("name").asText())) {
                for (JsonNode env : gen.path("envs")) {
                    settings.putAll(envFile(dir.resolve(env.asText())));
                    generated = true;
                }
            }
        }
        if (!generated) {
            problems.add(name + ": no configMapGenerator sfh-settings from an env file");
        }
        Path base = k8s.resolve("base");
        for (JsonNode resource : YAML.readTree(base.resolve("kustomization.yaml").toFile()).path("resources")) {
            for (JsonNode doc : docs(base.resolve(resource.asText()))) {
                String kind = doc.path("kind").asText();
                String n = doc.path("metadata").path("name").asText();
                if (kind.equals("Deployment")) {
                    deployments.put(n, doc);
                } else if (kind.equals("ConfigMap")) {
                    Map<String, String> data = new LinkedHashMap<>();
                    doc.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                    configMaps.put(n, data);
                }
            }
        }
        configMaps.merge("sfh-settings", settings, (a, b) -> {
            Map<String, String> m = new LinkedHashMap<>(a);
            m.putAll(b);
            return m;
        });
        for (JsonNode doc : docs(k8s.resolve("secrets.example.yaml"))) {
            if ("Secret".equals(doc.path("kind").asText())) {
                List<String> keys = new ArrayList<>();
                doc.path("stringData").fieldNames().forEachRemaining(keys::add);
                exampleSecrets.put(doc.path("metadata").path("name").asText(), keys);
            }
        }
    }

    /** The environment of a Deployment's first container: env (winning) over envFrom. */
    Map<String, EnvValue> environment(String deployment) {
        JsonNode container = deployments.get(deployment).path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, EnvValue> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            String secret = from.path("secretRef").path("name").asText(null);
            if (cm != null) {
                configMaps.getOrDefault(cm, Map.of()).forEach((k, v) -> env.put(k, new EnvValue(v, null, "ConfigMap " + cm)));
            }
            if (secret != null) {
                exampleSecrets.getOrDefault(secret, List.of()).forEach(k -> env.put(k, new EnvValue(null, secret + "/" + k, "Secret " + secret)));
            }
        }
        for (JsonNode e : container.path("env")) {
            String n = e.path("name").asText();
            JsonNode cm = e.path("valueFrom").path("configMapKeyRef");
            JsonNode secret = e.path("valueFrom").path("secretKeyRef");
            if (!cm.isMissingNode()) {
                String map = cm.path("name").asText();
                String key = cm.path("key").asText();
                env.put(n, new EnvValue(configMaps.getOrDefault(map, Map.of()).get(key), null, "ConfigMap " + map + " key " + key));
            } else if (!secret.isMissingNode()) {
                env.put(n, new EnvValue(null, secret.path("name").asText() + "/" + secret.path("key").asText(), "Secret"));
            } else {
                env.put(n, new EnvValue(e.path("value").asText(null), null, "literal"));
            }
        }
        configFile(container, env);
        return env;
    }

    /**
     * The properties of the file QUARKUS_CONFIG_LOCATIONS names, when a ConfigMap mounted in the container holds it,
     * as if they were environment variables (where the environment does not set them). Some keys can only be set so:
     * Quarkus maps no environment variable onto a named TLS configuration ({@code quarkus.tls.internal.*}).
     */
    private void configFile(JsonNode container, Map<String, EnvValue> env) {
        EnvValue location = env.get("QUARKUS_CONFIG_LOCATIONS");
        if (location == null || location.value() == null) {
            return;
        }
        Path file = Path.of(location.value());
        JsonNode volumes = deployments.values().stream()
                .filter(d -> d.path("spec").path("template").path("spec").path("containers").get(0) == container)
                .findFirst().map(d -> d.path("spec").path("template").path("spec").path("volumes")).orElse(null);
        for (JsonNode mount : container.path("volumeMounts")) {
            if (!file.getParent().toString().equals(mount.path("mountPath").asText()) || volumes == null) {
                continue;
            }
            for (JsonNode v : volumes) {
                String cm = v.path("configMap").path("name").asText(null);
                if (cm == null || !v.path("name").asText().equals(mount.path("name").asText())) {
                    continue;
                }
                String text = configMaps.getOrDefault(cm, Map.of()).get(file.getFileName().toString());
                if (text == null) {
                    continue;
                }
                java.util.Properties props = new java.util.Properties();
                try {
                    props.load(new java.io.StringReader(text));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                props.stringPropertyNames().forEach(k -> env.putIfAbsent(ProductionNeeds.envName(k),
                        new EnvValue(props.getProperty(k), null, "file " + file + " (ConfigMap " + cm + ")")));
            }
        }
    }

    /** Whether a secret reference names a secret the operators make or secrets.example.yaml documents, with that key. */
    boolean secretExists(String ref) {
        String secret = ref.substring(0, ref.indexOf('/'));
        String key = ref.substring(ref.indexOf('/') + 1);
        if (exampleSecrets.containsKey(secret)) {
            return exampleSecrets.get(secret).contains(key);
        }
        return OPERATOR_SECRET_SUFFIXES.stream().anyMatch(secret::endsWith);
    }

    static List<JsonNode> docs(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode d = (JsonNode) it.next();
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                m.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return m;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }
}
