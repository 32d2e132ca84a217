package cn.scanforhelp.console.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;

/**
 * The 一次性告知 builder's checklist: the materials usually missing, per assistance type (configuration, since
 * places ask for different papers). Only a convenience for the reviewer: what is sent is what she ticks and types.
 */
@ConfigMapping(prefix = "sfh.console.usual-materials")
public interface UsualMaterials {

    /** type (DIBAO, TEKUN, …, or {@code default}) → the usual items */
    @WithParentName
    Map<String, List<String>> byType();

    default List<String> forType(String type) {
        Map<String, List<String>> m = byType();
        List<String> l = m.get(type);
        return l != null ? l : m.getOrDefault("default", List.of());
    }
}
