package cn.scanforhelp.intake.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this installation serves, and the privacy notice residents consent to. (Plain properties,
 * not a mapping of the whole {@code sfh} prefix, which other components share.)
 */
@ApplicationScoped
public class IntakeConfig {

    private final List<String> serviceArea;
    private final String privacyNoticeVersion;

    public IntakeConfig(@ConfigProperty(name = "sfh.service-area", defaultValue = "620503") List<String> serviceArea,
            @ConfigProperty(name = "sfh.privacy-notice-version", defaultValue = "2026-11") String privacyNoticeVersion) {
        this.serviceArea = List.copyOf(serviceArea);
        this.privacyNoticeVersion = privacyNoticeVersion;
    }

    /** Division code prefixes served (e.g. 620503 for Maiji District; 6205 for all of Tianshui). */
    public List<String> serviceArea() {
        return serviceArea;
    }

    public String privacyNoticeVersion() {
        return privacyNoticeVersion;
    }

    public boolean inServiceArea(String code) {
        return code != null && serviceArea.stream().anyMatch(code::startsWith);
    }
}
