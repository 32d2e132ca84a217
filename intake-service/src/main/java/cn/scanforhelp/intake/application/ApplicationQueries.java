package cn.scanforhelp.intake.application;

import cn.scanforhelp.infra.audit.StaffAudit;
import cn.scanforhelp.infra.crypto.FieldCipher;
import cn.scanforhelp.infra.crypto.Masking;
import cn.scanforhelp.infra.problem.ProblemException;
import cn.scanforhelp.intake.division.Division;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;

/** Reads applications: the resident's look-up and the masked staff view. */
@ApplicationScoped
public class ApplicationQueries {

    private final FieldCipher cipher;
    private final StaffAudit audit;
    private final LookupAttempts attempts;
    /** Decrypted in place of a phone when there is no application, so an unknown number costs as much. */
    private final String dummyPhone;
    private static final FieldCipher.Binding DUMMY = Application.at(Application.PHONE, new java.util.UUID(0, 0));

    public ApplicationQueries(FieldCipher cipher, StaffAudit audit, LookupAttempts attempts) {
        this.cipher = cipher;
        this.audit = audit;
        this.attempts = attempts;
        this.dummyPhone = cipher.encrypt("00000000000", DUMMY);
    }

    /**
     * The same 404 for an unknown number and for wrong digits, so the answer tells a guesser nothing; both
     * cost the same: one counted attempt, one decryption (of a dummy phone when there is no application) and
     * a comparison that takes the same time whatever the digits. A tracking number with too many wrong
     * answers today is refused (429) before anything is compared ({@link LookupAttempts}).
     */
    public ApplicationViews.LookupResult lookup(String trackingNumber, String phoneLast4, Locale locale) {
        String tn = TrackingNumbers.normalize(trackingNumber);
        // a number whose check symbol is wrong names no application: nothing to guess, nothing counted
        LookupAttempts.Attempt attempt = tn == null ? null : attempts.begin(tn);
        ApplicationViews.LookupResult found = QuarkusTransaction.joiningExisting()
                .call(() -> find(tn, phoneLast4, locale));
        if (found == null) {
            throw new ProblemException(404, "application-not-found");
        }
        if (attempt != null) {
            attempts.succeeded(attempt);
        }
        return found;
    }

    private ApplicationViews.LookupResult find(String tn, String phoneLast4, Locale locale) {
        Application a = tn == null ? null : Application.byTrackingNumber(tn).orElse(null);
        String digits = phoneLast4 == null ? "" : phoneLast4.strip();
        String phone = phoneOf(a);
        boolean match = MessageDigest.isEqual(phone.substring(phone.length() - 4).getBytes(StandardCharsets.UTF_8),
                digits.getBytes(StandardCharsets.UTF_8));
        if (a == null || a.phone == null || !match) {
            return null;
        }
        Division township = Division.findById(a.divisionCode);
        return new ApplicationViews.LookupResult(TrackingNumbers.display(a.trackingNumber), a.status,
                statusText(a.status, locale), township.code, township.name, hotlines(township), local(a.statusUpdatedAt),
                a.nextDeadline);
    }

    /** The phone to compare with (the dummy's when none); a phone moved here from another row matches nothing. */
    private String phoneOf(Application a) {
        if (a == null || a.phone == null) {
            return cipher.decrypt(dummyPhone, DUMMY);
        }
        String phone = cipher.decryptOrBlank(a.phone, a.at(Application.PHONE));
        return phone.length() < 4 ? "\u0000\u0000\u0000\u0000" : phone;
    }

    /** The township's hotlines, or the nearest enclosing division's (the district's) if it has none. */
    public static List<String> hotlines(Division d) {
        for (Division x = d; x != null; x = x.parentCode == null ? null : Division.findById(x.parentCode)) {
            if (!x.hotlineList().isEmpty()) {
                return x.hotlineList();
            }
        }
        return List.of();
    }

    /** Times are shown at China's offset (+08:00), as the residents and staff read them. */
    public static java.time.OffsetDateTime local(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
    }

    public static String statusText(String status, Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("statuses",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return b.containsKey(status) ? b.getString(status) : status;
    }

    public ApplicationViews.Summary summary(Application a) {
        return new ApplicationViews.Summary(a.id, a.trackingNumber, a.channel, a.divisionCode, a.villageCode,
                Masking.name(cipher.decryptOrBlank(a.applicantName, a.at(Application.NAME))),
                Masking.idNumber(cipher.decryptOrBlank(a.idNumber, a.at(Application.ID_NUMBER))),
                Masking.phone(cipher.decryptOrBlank(a.phone, a.at(Application.PHONE))), a.difficulty,
                cipher.openOrBlank(a.descriptionEnc, a.description, a.at(Application.DESCRIPTION)),
                a.householdSize, a.urgent,
                a.caseType, a.status, local(a.submittedAt), local(a.statusUpdatedAt), a.nextDeadline);
    }

    /** One application in the caller's division; 404 outside it (its existence is not revealed). */
    @Transactional
    public ApplicationViews.Summary get(UUID id, java.util.function.Predicate<String> covers) {
        Application a = Application.findById(id);
        if (a == null || !covers.test(a.divisionCode)) {
            throw ProblemException.notFound("application");
        }
        audit.record("READ_APPLICATION", a.id.toString(), a.divisionCode, a.trackingNumber);
        return summary(a);
    }
}
