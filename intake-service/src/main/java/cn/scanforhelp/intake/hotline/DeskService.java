package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.application.TextChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operator's desk beyond recording a call: today's calls of one operator, the follow-ups of complaints and
 * requests for another department (open until someone closes them), and the draft of the call being typed.
 */
@ApplicationScoped
public class DeskService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int DRAFT_MAX = 8000;
    private static final int LIST_LIMIT = 200;

    private final HotlineService calls;
    private final FieldCipher cipher;
    private final Clock clock;
    private final StaffAudit audit;

    public DeskService(HotlineService calls, FieldCipher cipher, Clock clock, StaffAudit audit) {
        this.calls = calls;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The calls this operator recorded today (China time, by this service's clock: the call's own start time is
     * the desk's), newest first.
     */
    @Transactional
    public List<HotlineViews.Call> today(StaffScope scope) {
        LocalDate day = LocalDate.now(clock.withZone(CHINA));
        OffsetDateTime from = day.atStartOfDay(CHINA).toOffsetDateTime();
        List<HotlineViews.Call> list = calls.views(HotlineCall.<HotlineCall>find(
                        "operator = ?1 and recordedAt >= ?2 and recordedAt < ?3 order by recordedAt desc", scope.user(),
                        from, from.plusDays(1)).page(0, LIST_LIMIT).list());
        audit.record("LIST_OWN_CALLS", scope.user(), null, list.size() + " calls");
        return list;
    }

    /** Open follow-ups in the user's division, oldest first. */
    @Transactional
    public List<HotlineViews.Call> openFollowUps(StaffScope scope) {
        List<HotlineViews.Call> list = calls.views(HotlineCall.<HotlineCall>find(
                        "followUpOpen = true and divisionCode like ?1 order by startedAt", scope.division() + "%")
                .page(0, LIST_LIMIT).list());
        audit.record("LIST_FOLLOW_UPS", scope.division(), null, list.size() + " open");
        return list;
    }

    /** Closes a follow-up with what was done; 404 outside the division, 409 when already closed. */
    @Transactional
    public HotlineViews.Call close(UUID callId, String result, StaffScope scope) {
        HotlineCall c = HotlineCall.findById(callId);
        if (c == null || !scope.covers(c.divisionCode) || !c.outcome.needsFollowUp()) {
            throw ProblemException.notFound("follow-up");
        }
        String text = result == null ? "" : result.strip();
        if (text.isEmpty() || text.length() > 2000 || !TextChecks.clean(text, true)) {
            throw ProblemException.validation(List.of(text.length() > 2000
                    ? FieldError.of("result", "text.too-long", 2000) : text.isEmpty()
                    ? FieldError.of("result", "required") : FieldError.of("result", "text.invalid-characters")));
        }
        if (!c.followUpOpen) {
            throw ProblemException.conflict("follow-up-closed", Map.of());
        }
        c.followUpOpen = false;
        c.followUpClosedAt = OffsetDateTime.now(clock);
        c.followUpClosedBy = scope.user();
        c.followUpResultEnc = cipher.encrypt(text, c.at(HotlineCall.FOLLOW_UP_RESULT));
        audit.record("CLOSE_FOLLOW_UP", c.id.toString(), c.divisionCode, c.outcome.name());
        return calls.view(c);
    }

    /** The operator's draft, or null. */
    @Transactional
    public HotlineViews.Draft draft(StaffScope scope) {
        HotlineDraft d = HotlineDraft.findById(scope.user());
        return d == null ? null : new HotlineViews.Draft(cipher.decryptOrBlank(d.payloadEnc, d.at()),
                d.updatedAt.atZoneSameInstant(CHINA).toOffsetDateTime(), null);
    }

    /** Keeps the call being typed (a new row binding every time: the value never moves to another row). */
    @Transactional
    public void keepDraft(String payload, String callKey, StaffScope scope) {
        if (callKey != null && HotlineCall.count("operator = ?1 and idempotencyKey = ?2", scope.user(), callKey) > 0) {
            return; // sent late, after the call was saved: the saved call is not a draft any more
        }
        if (payload == null || payload.length() > DRAFT_MAX || !TextChecks.clean(payload, true)) {
            throw ProblemException.validation(List.of(payload == null ? FieldError.of("payload", "required")
                    : payload.length() > DRAFT_MAX ? FieldError.of("payload", "draft.too-long", DRAFT_MAX)
                    : FieldError.of("payload", "text.invalid-characters")));
        }
        HotlineDraft d = HotlineDraft.findById(scope.user());
        if (d == null) {
            d = new HotlineDraft();
            d.operator = scope.user();
            d.id = UUID.randomUUID();
            d.payloadEnc = cipher.encrypt(payload, d.at());
            d.updatedAt = OffsetDateTime.now(clock);
            d.persist();
        } else {
            d.payloadEnc = cipher.encrypt(payload, d.at());
            d.updatedAt = OffsetDateTime.now(clock);
        }
    }

    @Transactional
    public void dropDraft(StaffScope scope) {
        HotlineDraft.deleteById(scope.user());
    }
}
