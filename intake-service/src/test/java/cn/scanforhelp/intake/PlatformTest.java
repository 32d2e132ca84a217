package cn.scanforhelp.intake;

import cn.scanforhelp.infra.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest extends PlatformEndpointsContract {
}
