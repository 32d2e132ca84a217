package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.intake.application.ApplicationCommand;
import cn.scanforhelp.intake.application.ApplicationViews;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class HotlineViews {

    private HotlineViews() {
    }

    @Schema(name = "HotlineCallRequest", description = "A call as the operator records it")
    public record CallRequest(
            @Schema(required = true, description = "The caller's number", maxLength = 20, example = "13812345678")
            String callerPhone,
            @Schema(required = true, description = "Township (or village) the call concerns", maxLength = 12,
                    pattern = "^[0-9]{9}([0-9]{3})?$", example = "620503114") String divisionCode,
            @Schema(required = true, example = "2026-11-29T09:00:00+08:00", maxLength = 35) OffsetDateTime startedAt,
            @Schema(required = true, type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "86400",
                    example = "240") Integer durationSeconds,
            @Schema(maxLength = 2000, example = "来电人询问低保申请条件") String notes,
            @Schema(required = true, implementation = HotlineCall.Outcome.class, example = "APPLICATION",
                    description = "INQUIRY and REFERRAL, the names before the desk, are read as QUESTION and "
                            + "OTHER_DEPARTMENT") String outcome,
            @Schema(description = "Required when outcome is APPLICATION; consent is the caller's, given by phone; "
                    + "applicant.phone defaults to the caller's number when that is a mobile; a landline caller's "
                    + "application may have no mobile at all (the township then calls back)")
            ApplicationCommand application,
            @Schema(format = "uuid", maxLength = 36, description = "The canned answer read to the caller (QUESTION)")
            UUID cannedAnswerId) {
    }

    @Schema(name = "HotlineCallRecorded", description = "The call recorded, and the application it created")
    public record Recorded(@Schema(format = "uuid", maxLength = 36) UUID callId,
            @Schema(format = "uuid", maxLength = 36) UUID applicationId,
            @Schema(maxLength = 11, example = "K7QM4HXP2RC") String trackingNumber,
            @Schema(maxLength = 13, example = "K7QM-4HXP-2RC") String trackingNumberDisplay) {
    }

    @Schema(name = "HotlineCall", description = "An earlier call (number masked)")
    public record Call(@Schema(format = "uuid", maxLength = 36) UUID callId,
            @Schema(maxLength = 11, example = "138****5678") String callerPhone,
            @Schema(maxLength = 12) String divisionCode,
            @Schema(maxLength = 100) String operator,
            OffsetDateTime startedAt,
            @Schema(format = "int32", minimum = "0", maximum = "86400") int durationSeconds,
            @Schema(maxLength = 2000) String notes,
            HotlineCall.Outcome outcome,
            @Schema(format = "uuid", maxLength = 36, nullable = true) UUID applicationId,
            @Schema(maxLength = 11, example = "K7QM4HXP2RC", nullable = true) String trackingNumber,
            @Schema(format = "uuid", maxLength = 36, nullable = true) UUID cannedAnswerId,
            @Schema(description = "OPEN or CLOSED for a COMPLAINT or OTHER_DEPARTMENT call; null otherwise",
                    enumeration = {"OPEN", "CLOSED"}) String followUp) {
    }

    @Schema(name = "CallerHistory", description = "Earlier calls and applications from one number, in the operator's division")
    public record History(@Schema(maxItems = 200) List<Call> calls,
            @Schema(maxItems = 200) List<ApplicationViews.Summary> applications) {
    }

    @Schema(name = "HotlineDraft", description = "The call an operator is typing, as the desk kept it (opaque to intake)")
    public record Draft(@Schema(maxLength = 8000, example = "{\"callerPhone\":\"0938821\"}") String payload,
            OffsetDateTime updatedAt,
            @Schema(maxLength = 100, description = "The Idempotency-Key the call will be saved with: a draft sent after "
                    + "that call was saved is ignored") String callKey) {
    }

    @Schema(name = "FollowUpClose", description = "What was done about a complaint or a request for another department")
    public record Close(@Schema(required = true, maxLength = 2000, example = "已转交区人社局，来电人已知悉") String result) {
    }

    @Schema(name = "CannedAnswer", description = "An answer the district keeps for a common question")
    public record Answer(@Schema(format = "uuid", maxLength = 36) UUID id,
            @Schema(maxLength = 12, example = "620503") String divisionCode,
            @Schema(maxLength = 100, example = "低保申请条件") String title,
            @Schema(maxLength = 2000, example = "家庭人均收入低于当地低保标准……") String body,
            boolean retired) {
    }

    @Schema(name = "CannedAnswerChange", description = "A new or changed canned answer")
    public record AnswerChange(@Schema(required = true, maxLength = 100) String title,
            @Schema(required = true, maxLength = 2000) String body,
            @Schema(description = "Retired answers are no longer offered") Boolean retired) {
    }
}
