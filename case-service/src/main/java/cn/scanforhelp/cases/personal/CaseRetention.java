package cn.scanforhelp.cases.personal;

import cn.scanforhelp.infra.retention.RetentionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What case-service keeps of a person once their case has ended without aid (not accepted, rejected, referred,
 * withdrawn, or closed without an approval): after {@code sfh.retention.cases-without-aid} (5 years, set it to
 * the province's archive period) counted from the decision, the applicant's name, ID number, phone and
 * description, linked applications' descriptions, the household, the investigation records with their
 * attachments and what staff typed on its steps (notes, reasons) are erased. The case, its steps (who did what,
 * when) and the
 * audit trail stay (statistics and the record of who decided what). Approved cases are beneficiaries' files and
 * are kept.
 */
@ApplicationScoped
public class CaseRetention implements RetentionRules {

    /** The case ended, with no aid granted, at {@code ended(alias)}. */
    private static String withoutAid(String f) {
        return f + ".status in ('NOT_ACCEPTED', 'REJECTED', 'REFERRED', 'WITHDRAWN', 'CLOSED')"
                + " and not exists (select 1 from case_step s where s.case_id = " + f + ".id and s.action = 'APPROVE')";
    }

    private static String ended(String f) {
        return "coalesce(" + f + ".decided_at, " + f + ".closed_at, " + f + ".updated_at)";
    }

    private static String caseOf(String table) {
        return "(select " + ended("f") + " from case_file f where f.id = " + table + ".case_id and " + withoutAid("f") + ")";
    }

    private final Duration period;

    public CaseRetention(@ConfigProperty(name = "sfh.retention.cases-without-aid", defaultValue = "P1826D") Duration period) {
        this.period = period;
    }

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.delete("household-member", period, "household_member", "id", caseOf("household_member"), "true"),
                Rule.delete("household-asset", period, "household_asset", "id", caseOf("household_asset"), "true"),
                // staff's notes and the reasons they typed speak of the person; who did what, and when, stays
                Rule.anonymise("case-step", period, "case_step", "id", caseOf("case_step"),
                        "note is not null or details is not null", "note = null, details = null"),
                // objections filed on the public 公示 page (V14): the objector's name and contact and the text
                Rule.delete("notice-objection", period, "notice_objection", "id", caseOf("notice_objection"), "true"),
                Rule.delete("investigation-attachment", period, "investigation_attachment", "id",
                        caseOf("investigation_attachment"), "true"),
                Rule.delete("investigation-record", period, "investigation_record", "id", caseOf("investigation_record"),
                        "true"),
                Rule.anonymise("case-application", period, "case_application", "application_id",
                        caseOf("case_application"), "description is not null or description_enc is not null",
                        "description = null, description_enc = null"),
                Rule.anonymise("case", period, "case_file", "id", ended("case_file"), withoutAid("case_file")
                        + " and (id_number_enc is not null or phone_enc is not null or applicant_name_enc is not null"
                        + " or applicant_name is not null or description_enc is not null or description is not null)",
                        "applicant_name = null, applicant_name_enc = null, applicant_name_hash = null, id_number_enc = null,"
                                + " id_number_hash = null, phone_enc = null, description = null, description_enc = null"));
    }
}
