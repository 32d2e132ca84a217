package cn.scanforhelp.intake;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against a real PostgreSQL, a signing OIDC provider and a stubbed
 * case-service.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(CaseServiceStub.class)
public class TestResources {
}
