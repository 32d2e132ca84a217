package cn.scanforhelp.console;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The console with case-service unreachable (the discard port on loopback: connection refused). */
public class CaseServiceDownProfile implements QuarkusTestProfile {

    public static final String NOWHERE = "http://127.0.0.1:9";
}
