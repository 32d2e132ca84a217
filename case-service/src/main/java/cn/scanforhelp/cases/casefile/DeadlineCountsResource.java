package cn.scanforhelp.cases.casefile;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The queue's counters — cases on track, at risk and overdue in the caller's division — in one query. The console
 * showed them with three more queue calls per page view; one of them (at risk, when nothing is) walked every open
 * case of a district. No personal data, so no audit entry.
 */
@Path("/api/v1/cases/deadline-counts")
@Tag(name = "Cases", description = "Township review: the queue, the procedure, deadlines")
@RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
@SecurityRequirement(name = "oidc")
public class DeadlineCountsResource {

    @Schema(description = "Open cases per deadline state (the queue's deadlineState filter), in the caller's division")
    public record Counts(@Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long onTrack,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long atRisk,
            @Schema(format = "int64", minimum = "0", maximum = "9223372036854775807") long overdue) {
    }

    private final CaseQueries queries;
    private final Deadlines deadlines;
    private final EntityManager em;

    public DeadlineCountsResource(CaseQueries queries, Deadlines deadlines, EntityManager em) {
        this.queries = queries;
        this.deadlines = deadlines;
        this.em = em;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "countCasesByDeadlineState", summary = "How many cases are on track, at risk and overdue",
            description = "The totals the queue would give for deadlineState ON_TRACK, AT_RISK and OVERDUE, exact, in one call.")
    @APIResponse(responseCode = "200", description = "The counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Counts.class),
            examples = @ExampleObject(name = "township", value = "{\"onTrack\":41,\"atRisk\":3,\"overdue\":1}")))
    @APIResponse(ref = "BadRequest")
    @APIResponse(ref = "Unauthorized")
    @APIResponse(ref = "Forbidden")
    @APIResponse(ref = "TooManyRequests")
    public Counts counts(@jakarta.ws.rs.QueryParam("division") @jakarta.validation.constraints.Pattern(regexp = "[0-9]{2,12}")
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "only this division (a"
                    + " township of the caller's scope), as the queue's division filter",
                    schema = @Schema(pattern = "^[0-9]{2,12}$", maxLength = 12)) String division) {
        // the queue's own deadlineState conditions (Deadlines.queueCondition); cases with no deadline are in none
        String prefix = queries.prefix(division);
        if (prefix == null) {
            return new Counts(0, 0, 0);
        }
        Object[] r = (Object[]) em.createNativeQuery("select " + Deadlines.openCounts("?2")
                + " from case_file where next_due_on is not null and division_code like ?1")
                .setParameter(1, prefix + "%").setParameter(2, deadlines.today()).getSingleResult();
        return new Counts(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue());
    }
}
