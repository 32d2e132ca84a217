package cn.scanforhelp.cases;

import cn.scanforhelp.infra.testing.FailureLogContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FailureLogTest extends FailureLogContract {
}
