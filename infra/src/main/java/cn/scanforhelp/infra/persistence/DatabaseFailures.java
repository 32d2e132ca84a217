package cn.scanforhelp.infra.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means "the database is not there right now" (come back later) rather than a bug
 * or a bad request. One answer for every service: the problem mappers turn it into 503 with
 * Retry-After, the SMS sender keeps an outcome it could not write, start-up waits and retries.
 *
 * <p>What an outage looks like from the JDBC driver, whatever Hibernate, Agroal, Narayana or the
 * application wrapped around it (the whole chain is searched: causes, suppressed exceptions and
 * {@link SQLException#getNextException()}):
 * <ul>
 * <li>class {@code 08}: connection refused, broken, or lost mid-statement (the server or its host gone);
 * <li>{@code 57P01} admin shutdown, {@code 57P02} crash shutdown: PostgreSQL stopped or one of its
 *     processes was killed, and it terminated every session (a pooled connection holds this message
 *     until its next use);
 * <li>{@code 57P03} cannot connect now: PostgreSQL starting up or in crash recovery;
 * <li>{@code 53300} too many connections;
 * <li>Agroal's acquisition timeout: no pooled connection in time (overload, or the server unreachable).
 * </ul>
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                if (unavailableState(sql.getSQLState()) || acquisitionTimeout(sql.getMessage())) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }

    /** The SQLState of the first database failure in the chain, for logs (it never quotes data). */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }

    static boolean acquisitionTimeout(String message) {
        // Agroal 2: "Sorry, acquisition timeout!"; later versions: "Acquisition timeout while waiting for new connection"
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}
