package cn.scanforhelp.cases;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against a real PostgreSQL and a signing OIDC provider. */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(DownstreamResource.class)
public class TestResources {
}
