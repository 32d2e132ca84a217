package cn.scanforhelp.console;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The console with intake-service unreachable ({@link CaseServiceDownProfile#NOWHERE}), whether or not another test
 * of this JVM has started the real one.
 */
public class IntakeServiceDownProfile implements QuarkusTestProfile {
}
