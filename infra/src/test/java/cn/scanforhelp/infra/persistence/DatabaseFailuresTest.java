package cn.scanforhelp.infra.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    static SQLException state(String sqlState) {
        return new SQLException("server said so", sqlState);
    }

    @Test
    void anOutageIsRecognisedHoweverDeeplyItIsWrapped() {
        // what Hibernate (GenericJDBCException), JTA (RollbackException) and an application wrapper make of it
        Throwable terminated = new IllegalStateException("wrapper",
                new RuntimeException("jta", new RuntimeException("hibernate", state("57P01"))));
        assertTrue(DatabaseFailures.unavailable(terminated), "admin shutdown: PostgreSQL stopped or restarted");
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(state("57P02"))), "crash of another server process");
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(state("57P03"))), "starting up, crash recovery");
        assertTrue(DatabaseFailures.unavailable(state("08006")), "connection lost");
        assertTrue(DatabaseFailures.unavailable(state("53300")), "too many connections");
        assertTrue(DatabaseFailures.unavailable(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(DatabaseFailures.unavailable(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void suppressedAndChainedSqlExceptionsCount() {
        RuntimeException rollback = new RuntimeException("rollback failed");
        rollback.addSuppressed(state("08003"));
        assertTrue(DatabaseFailures.unavailable(rollback));
        SQLException batch = state("40001");
        batch.setNextException(state("57P01"));
        assertTrue(DatabaseFailures.unavailable(new RuntimeException(batch)));
    }

    @Test
    void aBugOrABadStatementIsNot() {
        assertFalse(DatabaseFailures.unavailable(state("23505")), "unique violation");
        assertFalse(DatabaseFailures.unavailable(state("42P01")), "undefined table");
        assertFalse(DatabaseFailures.unavailable(state("57014")), "statement timeout (query canceled)");
        assertFalse(DatabaseFailures.unavailable(new NullPointerException()));
        assertFalse(DatabaseFailures.unavailable(null));
        RuntimeException a = new RuntimeException();
        RuntimeException b = new RuntimeException(a);
        a.addSuppressed(b); // a cycle: the search ends
        assertFalse(DatabaseFailures.unavailable(a));
    }
}
