package cn.scanforhelp.cases;

import cn.scanforhelp.infra.testing.BadCredentialsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadCredentialsTest extends BadCredentialsContract {
}
