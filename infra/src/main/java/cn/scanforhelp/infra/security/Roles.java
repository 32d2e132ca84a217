package cn.scanforhelp.infra.security;

import java.util.Set;

/**
 * Roles of the Keycloak realm {@code scan-for-help} (deploy/keycloak).
 *
 * <p>Staff hold realm roles ({@code realm_access.roles}). Services hold client roles of the service
 * they call ({@code resource_access.<receiver>.roles}), one per kind of call, so each service account
 * may make exactly the calls it makes and no other: intake's account can deliver applications to
 * case-service but cannot send SMS, case-service's can send SMS events but cannot record a rating.
 * Each service reads both claims ({@code quarkus.oidc.roles.role-claim-path}); the names differ from
 * the staff roles, so a client role can never pass for a staff role.
 */
public final class Roles {
    public static final String HOTLINE_OPERATOR = "hotline-operator";
    public static final String TOWNSHIP_REVIEWER = "township-reviewer";
    /** The township's walk-in window (一门受理): records applications made at the counter; tied to a township. */
    public static final String WINDOW_CLERK = "window-clerk";
    public static final String DISTRICT_OFFICER = "district-officer";
    public static final String ADMIN = "admin";
    /** Reads the audit trails of a division; sees no case. Not one of the people the trail records. */
    public static final String AUDITOR = "auditor";

    /** case-service client role: deliver applications ({@code POST /internal/v1/applications[/batch]}); intake-service. */
    public static final String SUBMIT_APPLICATIONS = "submit-applications";
    /** case-service client role: record a satisfaction reply ({@code POST /internal/v1/cases/{id}/satisfaction}); notification-service. */
    public static final String RECORD_SATISFACTION = "record-satisfaction";
    /** notification-service client role: case events that become SMS ({@code POST /internal/v1/events[/batch]}); case-service. */
    public static final String SEND_EVENTS = "send-events";
    /** intake-service client role: the status residents look up ({@code POST /internal/v1/applications/{id}/status, /statuses}); case-service. */
    public static final String UPDATE_STATUS = "update-status";
    /** intake-service client role: monitoring alerts from another department's system ({@code POST /api/v1/alerts}). */
    public static final String IMPORT_ALERTS = "import-alerts";
    /** intake-service client role: a 公示 published or withdrawn ({@code POST /internal/v1/notices}); case-service. */
    public static final String PUBLISH_NOTICES = "publish-notices";
    /** case-service client role: an objection filed on a public notice page ({@code POST /internal/v1/notices/{id}/objections}); intake-service. */
    public static final String FILE_OBJECTIONS = "file-objections";

    /** Every role a service account can hold: none of them is a staff role. */
    public static final Set<String> SERVICE_ROLES =
            Set.of(SUBMIT_APPLICATIONS, RECORD_SATISFACTION, SEND_EVENTS, UPDATE_STATUS, IMPORT_ALERTS,
                    PUBLISH_NOTICES,
                    FILE_OBJECTIONS);

    private Roles() {
    }
}
