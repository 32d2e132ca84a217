package cn.scanforhelp.cases.transfer;

import cn.scanforhelp.cases.casefile.CaseFile;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Where a case may be transferred (移交): a township or subdistrict, active in intake's divisions, in the
 * same county as the case and inside {@code sfh.service-area}, and not the case's own township. Its name
 * and first hotline become the case's (the resident's SMS names them).
 */
@ApplicationScoped
public class Townships {

    private static final Logger LOG = Logger.getLogger(Townships.class);
    private static final String FIELD = "targetDivisionCode";

    /** A township a case can go to. */
    public record Township(String code, String name, String hotline) {
    }

    private final DivisionsClient divisions;
    private final ObjectMapper json;
    private final List<String> serviceArea;

    public Townships(@RestClient DivisionsClient divisions, ObjectMapper json,
            @ConfigProperty(name = "sfh.service-area") List<String> serviceArea) {
        this.divisions = divisions;
        this.json = json;
        this.serviceArea = List.copyOf(serviceArea);
    }

    /** The township the case may be transferred to; 400 naming {@code targetDivisionCode} otherwise. */
    public Township target(CaseFile c, String code) {
        String own = c.divisionCode.length() > 9 ? c.divisionCode.substring(0, 9) : c.divisionCode;
        if (code.equals(own)) {
            throw invalid("transfer-same-township");
        }
        if (serviceArea.stream().noneMatch(code::startsWith) || !code.startsWith(own.substring(0, 6))) {
            throw invalid("division.outside-service-area");
        }
        JsonNode d = lookUp(code);
        if (d == null || !d.path("active").asBoolean(false)) {
            throw invalid("transfer-division-unknown");
        }
        String level = d.path("level").asText();
        if (!level.equals("township") && !level.equals("subdistrict")) {
            throw invalid("transfer-not-a-township");
        }
        JsonNode hotlines = d.path("hotlines");
        return new Township(code, d.path("name").asText(code),
                hotlines.isArray() && !hotlines.isEmpty() ? hotlines.get(0).asText() : null);
    }

    private JsonNode lookUp(String code) {
        try (Response r = divisions.division(code)) {
            if (r.getStatus() == 404) {
                return null;
            }
            if (r.getStatus() != 200) {
                LOG.warnf("divisions answered %d for a transfer's target", r.getStatus());
                throw new ProblemException(503, "divisions-unavailable");
            }
            return json.readTree(r.readEntity(String.class));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warnf("divisions could not be read for a transfer's target: %s", e.getClass().getSimpleName());
            throw new ProblemException(503, "divisions-unavailable");
        }
    }

    private static ProblemException invalid(String code) {
        return ProblemException.validation(List.of(FieldError.of(FIELD, code)));
    }
}
