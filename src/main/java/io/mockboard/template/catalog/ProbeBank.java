package io.mockboard.template.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Follow-up probes per case study and per step of the ML system design framework, each with what a strong
 * answer contains. The probes are content, not code: one {@code probes/<slug>.json} per {@link CaseStudy} on
 * the class path, so their wording can be edited without touching Java. A missing or malformed file fails
 * {@link #load()} with the file's name, so a broken bank is found at start, not in the middle of an interview.
 */
public final class ProbeBank {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Framework FRAMEWORK = Framework.ML_SYSTEM_DESIGN;

    private final Map<CaseStudy, Map<String, List<Probe>>> probes;
    private final Map<String, Probe> byId;

    private ProbeBank(Map<CaseStudy, Map<String, List<Probe>>> probes, Map<String, Probe> byId) {
        this.probes = Collections.unmodifiableMap(probes);
        this.byId = Map.copyOf(byId);
    }

    /** The bank shipped on the class path: {@code probes/<slug>.json} for every case study. */
    public static ProbeBank load() {
        return load(path -> Thread.currentThread().getContextClassLoader().getResourceAsStream(path));
    }

    /** Reads through {@code resources} (path to stream, {@code null} when missing), so tests can break a file. */
    static ProbeBank load(Function<String, InputStream> resources) {
        Map<CaseStudy, Map<String, List<Probe>>> probes = new EnumMap<>(CaseStudy.class);
        Map<String, Probe> byId = new HashMap<>();
        for (CaseStudy study : CaseStudy.values()) {
            String path = path(study);
            Map<String, List<Probe>> steps = parse(path, study, read(path, resources));
            for (List<Probe> list : steps.values()) {
                for (Probe probe : list) {
                    if (byId.putIfAbsent(probe.id(), probe) != null) {
                        throw malformed(path, "probe id \"" + probe.id() + "\" is already used in the bank");
                    }
                }
            }
            probes.put(study, steps);
        }
        return new ProbeBank(probes, byId);
    }

    /** Where a case study's probes live on the class path. */
    static String path(CaseStudy study) {
        return "probes/" + study.slug() + ".json";
    }

    /**
     * The probes for one step of a case study, in the order the file gives them.
     *
     * @throws IllegalArgumentException if {@code stepId} is not a step of the ML system design framework
     */
    public List<Probe> probes(CaseStudy caseStudy, String stepId) {
        Map<String, List<Probe>> steps = probes.get(Objects.requireNonNull(caseStudy, "caseStudy"));
        List<Probe> found = steps.get(stepId);
        if (found == null) {
            throw new IllegalArgumentException("unknown step \"" + stepId + "\": the " + FRAMEWORK.title()
                    + " framework's steps are " + steps.keySet());
        }
        return found;
    }

    /** A probe by its id, from any case study. */
    public Optional<Probe> byId(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    private static JsonNode read(String path, Function<String, InputStream> resources) {
        InputStream resource = resources.apply(path);
        if (resource == null) {
            throw new IllegalStateException(path + " is missing from the class path");
        }
        try (InputStream in = resource) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<Probe>> parse(String path, CaseStudy study, JsonNode file) {
        if (!file.isObject()) {
            throw malformed(path, "the file must hold a JSON object");
        }
        expect(path, file, "caseStudy", study.slug());
        expect(path, file, "framework", FRAMEWORK.wire());
        JsonNode steps = file.path("steps");
        if (!steps.isObject()) {
            throw malformed(path, "\"steps\" must be an object keyed by step id");
        }
        Map<String, List<Probe>> parsed = new LinkedHashMap<>();
        for (FrameworkStep step : FRAMEWORK.steps()) {
            JsonNode list = steps.path(step.id());
            if (!list.isArray()) {
                throw malformed(path, "step \"" + step.id() + "\" is missing or not an array");
            }
            List<Probe> stepProbes = new ArrayList<>();
            for (JsonNode node : list) {
                stepProbes.add(probe(path, step.id(), node));
            }
            parsed.put(step.id(), List.copyOf(stepProbes));
        }
        for (Map.Entry<String, JsonNode> entry : steps.properties()) {
            if (!parsed.containsKey(entry.getKey())) {
                throw malformed(path, "\"" + entry.getKey() + "\" is not a step of the " + FRAMEWORK.title()
                        + " framework");
            }
        }
        return Collections.unmodifiableMap(parsed);
    }

    private static Probe probe(String path, String stepId, JsonNode node) {
        try {
            return new Probe(node.path("id").textValue(), node.path("probe").textValue(),
                    node.path("strongAnswer").textValue());
        } catch (IllegalArgumentException e) {
            throw malformed(path, "in step \"" + stepId + "\", " + e.getMessage());
        }
    }

    private static void expect(String path, JsonNode file, String field, String expected) {
        String actual = file.path(field).textValue();
        if (!expected.equals(actual)) {
            throw malformed(path, "\"" + field + "\" is " + (actual == null ? "missing" : "\"" + actual + "\"")
                    + ", expected \"" + expected + "\"");
        }
    }

    private static IllegalStateException malformed(String path, String problem) {
        return new IllegalStateException(path + " is malformed: " + problem);
    }
}
