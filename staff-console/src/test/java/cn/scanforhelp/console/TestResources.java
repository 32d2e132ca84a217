package cn.scanforhelp.console;

import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against the real case-service (its own PostgreSQL) and the signing OIDC provider. */
@QuarkusTestResource(CaseServiceProcess.class)
public class TestResources {
}
