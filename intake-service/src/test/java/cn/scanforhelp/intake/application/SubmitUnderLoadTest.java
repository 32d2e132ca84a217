package cn.scanforhelp.intake.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.scanforhelp.intake.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * More submissions in flight than the connection pool has connections must all be accepted: a
 * submission may hold only one pooled connection at a time (the per-phone rate limit once asked for
 * a second one in a new transaction, and under load every worker waited for another: 500s).
 */
@QuarkusTest
class SubmitUnderLoadTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Test
    void twiceThePoolSizeInFlightAreAllAccepted() throws Exception {
        int inFlight = poolSize * 2;
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < inFlight * 2; i++) {
                calls.add(() -> Fixtures.resident().body(Fixtures.application())
                        .post("/api/v1/applications").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            Map<Integer, Long> byStatus = statuses.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(Map.of(202, (long) inFlight * 2), byStatus);
        } finally {
            pool.shutdownNow();
        }
    }
}
