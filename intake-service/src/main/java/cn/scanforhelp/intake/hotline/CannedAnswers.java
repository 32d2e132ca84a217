package cn.scanforhelp.intake.hotline;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.infra.problem.ProblemException.FieldError;
import cn.scanforhelp.infra.security.StaffScope;
import cn.scanforhelp.intake.application.TextChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The canned answers a district keeps: read by operators, maintained by district officers and admins. */
@ApplicationScoped
public class CannedAnswers {

    private final Clock clock;
    private final StaffAudit audit;

    public CannedAnswers(Clock clock, StaffAudit audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The answers for the user's division: kept there or above it (an operator of a township gets the district's),
     * and under it (an officer maintains the townships'); at most 500, as the API documents.
     */
    @Transactional
    public List<HotlineViews.Answer> list(StaffScope scope, boolean withRetired) {
        String division = scope.division();
        return CannedAnswer.<CannedAnswer>find("(?1 like concat(divisionCode, '%') or divisionCode like ?2) "
                        + (withRetired ? "" : "and retired = false ") + "order by title", division, division + "%")
                .page(0, 500).list().stream().map(CannedAnswers::view).toList();
    }

    @Transactional
    public HotlineViews.Answer create(HotlineViews.AnswerChange change, StaffScope scope) {
        validate(change);
        CannedAnswer a = new CannedAnswer();
        a.id = UUID.randomUUID();
        a.divisionCode = scope.division();
        apply(a, change, scope);
        a.persist();
        audit.record("CREATE_CANNED_ANSWER", a.id.toString(), a.divisionCode, null);
        return view(a);
    }

    @Transactional
    public HotlineViews.Answer update(UUID id, HotlineViews.AnswerChange change, StaffScope scope) {
        CannedAnswer a = CannedAnswer.findById(id);
        if (a == null || !scope.covers(a.divisionCode)) {
            throw ProblemException.notFound("canned-answer");
        }
        validate(change);
        apply(a, change, scope);
        audit.record("UPDATE_CANNED_ANSWER", a.id.toString(), a.divisionCode, a.retired ? "retired" : null);
        return view(a);
    }

    private void apply(CannedAnswer a, HotlineViews.AnswerChange change, StaffScope scope) {
        a.title = change.title().strip();
        a.body = change.body().strip();
        a.retired = Boolean.TRUE.equals(change.retired());
        a.updatedBy = scope.user();
        a.updatedAt = OffsetDateTime.now(clock);
    }

    private static void validate(HotlineViews.AnswerChange c) {
        List<FieldError> errors = new ArrayList<>();
        String title = c.title() == null ? "" : c.title().strip();
        String body = c.body() == null ? "" : c.body().strip();
        if (title.isEmpty() || title.length() > 100 || !TextChecks.clean(title, false)) {
            errors.add(FieldError.of("title", "answer.title"));
        }
        if (body.isEmpty() || body.length() > 2000 || !TextChecks.clean(body, true)) {
            errors.add(FieldError.of("body", "answer.body"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    static HotlineViews.Answer view(CannedAnswer a) {
        return new HotlineViews.Answer(a.id, a.divisionCode, a.title, a.body, a.retired);
    }
}
