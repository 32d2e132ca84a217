package cn.scanforhelp.infra.security;

/** Realm roles of the Keycloak realm {@code scan-for-help} (deploy/keycloak). */
public final class Roles {
    public static final String HOTLINE_OPERATOR = "hotline-operator";
    public static final String TOWNSHIP_REVIEWER = "township-reviewer";
    public static final String DISTRICT_OFFICER = "district-officer";
    public static final String ADMIN = "admin";
    /** Reads the audit trails of a division; sees no case. Not one of the people the trail records. */
    public static final String AUDITOR = "auditor";
    /** Service accounts (client credentials) of the three services. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
