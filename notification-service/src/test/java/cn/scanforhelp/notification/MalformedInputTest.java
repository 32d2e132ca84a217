package cn.scanforhelp.notification;

import cn.scanforhelp.infra.testing.MalformedInputContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MalformedInputTest extends MalformedInputContract {
}
