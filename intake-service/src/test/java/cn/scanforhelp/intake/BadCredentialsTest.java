package cn.scanforhelp.intake;

import cn.scanforhelp.infra.testing.BadCredentialsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadCredentialsTest extends BadCredentialsContract {
}
