package cn.scanforhelp.cases.household;

import cn.scanforhelp.infra.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The amount an approval grants, shown to the reviewer before approving. */
@Path("/api/v1/cases/{id}/amount")
@Tag(name = "Household", description = "Household members, incomes, assets; the local dibao standard")
@SecurityRequirement(name = "oidc")
public class AmountResource {

    private final HouseholdService households;

    public AmountResource(HouseholdService households) {
        this.households = households;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TOWNSHIP_REVIEWER, Roles.DISTRICT_OFFICER})
    @Operation(operationId = "getCaseAmount", summary = "The amount approval would grant, with its inputs",
            description = "DIBAO: (local dibao standard − household per-capita monthly income) × household size (补差);"
                    + " TEKUN: the county's basic living standard; TEMPORARY: entered at approval, one-off. APPROVE"
                    + " takes the computed amount; an amount that differs needs amountReason. Emergency aid is a"
                    + " separate sum. Audited (incomes are personal).")
    @APIResponse(responseCode = "200", description = "The computation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Amounts.Proposal.class),
            examples = @ExampleObject(name = "dibao", value = "{\"type\":\"DIBAO\",\"monthly\":true,\"area\":\"RURAL\","
                    + "\"householdSize\":2,\"householdMonthlyIncomeYuan\":600,\"perCapitaMonthlyIncomeYuan\":300.00,"
                    + "\"standardMonthlyYuan\":500.00,\"standardYear\":2026,\"computedYuan\":400.00,"
                    + "\"note\":\"（低保标准 − 家庭人均月收入）× 家庭人口 = 每月低保金\",\"approvedYuan\":null,"
                    + "\"basis\":null,\"overrideReason\":null,\"emergencyAidYuan\":null}")))
    @APIResponse(ref = "NotFound")
    public Amounts.Proposal get(@PathParam("id") UUID id) {
        return households.amount(id);
    }
}
