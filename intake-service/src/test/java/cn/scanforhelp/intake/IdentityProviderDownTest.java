package cn.scanforhelp.intake;

import cn.scanforhelp.infra.testing.IdentityProviderDownContract;
import cn.scanforhelp.infra.testing.IdentityProviderDownProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(IdentityProviderDownProfile.class)
class IdentityProviderDownTest extends IdentityProviderDownContract {
}
