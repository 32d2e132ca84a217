package cn.scanforhelp.notification;

import cn.scanforhelp.infra.testing.OidcResource;
import cn.scanforhelp.infra.testing.PostgresResource;
import cn.scanforhelp.notification.support.CaseServiceStub;
import cn.scanforhelp.notification.support.TestSmsc;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test of this module runs against a real PostgreSQL, a signing OIDC provider, a real SMPP
 * server (jSMPP's server side on 127.0.0.1) and a stub of case-service.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(OidcResource.class)
@QuarkusTestResource(TestSmsc.class)
@QuarkusTestResource(CaseServiceStub.class)
public class TestResources {
}
