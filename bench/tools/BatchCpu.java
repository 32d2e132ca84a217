// CPU per event of a receiver, single calls against batch calls (bench/batch-cpu runs it): posts the same
// kind of event to a running service one per call and then 100 per call, and reads the service's
// utime+stime from /proc/<pid>/stat before and after each run (PostgreSQL's backends too, when the
// postmaster's pid is given). JDK only.
//
//   java BatchCpu.java events   <base-url> <pid> <token> <count> <runs> [postmaster-pid]
//   java BatchCpu.java statuses <base-url> <pid> <token> <count> <runs> <application-ids-file> [postmaster-pid]

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

public class BatchCpu {

    static final int BATCH = 100;
    /** The relay's senders: 8 calls at a time for single events, as outbox-sender threads. */
    static final int SINGLE_CLIENTS = 8;
    static final int BATCH_CLIENTS = 2;
    static final long TICK_MS = 10; // CLK_TCK 100 on Linux

    static String kind;
    static String base;
    static String token;
    static List<String> applications;
    static int nextApplication;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicInteger FAILED = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        kind = args[0];
        base = args[1];
        long pid = Long.parseLong(args[2]);
        token = args[3];
        int count = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        int more = 6;
        if (kind.equals("statuses")) {
            applications = Files.readAllLines(Path.of(args[more++])).stream().filter(s -> !s.isBlank()).toList();
        }
        long postmaster = args.length > more ? Long.parseLong(args[more]) : 0;

        // warm-up (not counted): the JIT (C1 only, as deployed), pools, caches
        run(false, count / 2);
        run(true, count / 2);
        List<double[]> single = new ArrayList<>();
        List<double[]> batch = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            single.add(measure(false, count, pid, postmaster));
            batch.add(measure(true, count, pid, postmaster));
        }
        report("single", single, count);
        report("batch of " + BATCH, batch, count);
        double s = median(single, 0) / count;
        double b = median(batch, 0) / count;
        System.out.printf("%s: receiver CPU per event, single %.3f ms, batch %.3f ms (%.1f× less); failed requests %d%n",
                kind, s, b, s / b, FAILED.get());
    }

    /** {receiver CPU ms, PostgreSQL CPU ms, wall ms} of one run. */
    static double[] measure(boolean batched, int count, long pid, long postmaster) throws Exception {
        long cpu0 = cpu(pid);
        long pg0 = postmaster > 0 ? children(postmaster) : 0;
        long t0 = System.nanoTime();
        run(batched, count);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(200); // let the last responses' bookkeeping settle
        long cpu = (cpu(pid) - cpu0) * TICK_MS;
        long pg = postmaster > 0 ? (children(postmaster) - pg0) * TICK_MS : 0;
        return new double[] {cpu, pg, wall};
    }

    static void report(String how, List<double[]> runs, int count) {
        StringBuilder each = new StringBuilder();
        for (double[] r : runs) {
            each.append(String.format(" %.3f", r[0] / count));
        }
        System.out.printf("%s %s: %d events per run; receiver CPU %.3f ms/event (runs%s), PostgreSQL %.3f ms/event, "
                + "%.0f events/s%n", kind, how, count, median(runs, 0) / count, each, median(runs, 1) / count,
                count * 1000.0 / median(runs, 2));
    }

    static double median(List<double[]> runs, int i) {
        List<Double> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[i]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    static void run(boolean batched, int count) throws Exception {
        List<String> bodies = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (batched) {
            for (int i = 0; i < count; i += BATCH) {
                List<String> items = new ArrayList<>();
                for (int k = i; k < Math.min(count, i + BATCH); k++) {
                    items.add(item(nextId(), true));
                }
                bodies.add("[" + String.join(",", items) + "]");
                paths.add(kind.equals("events") ? "/internal/v1/events/batch" : "/internal/v1/applications/statuses");
            }
        } else {
            for (int i = 0; i < count; i++) {
                String id = nextId();
                bodies.add(item(id, false));
                paths.add(kind.equals("events") ? "/internal/v1/events" : "/internal/v1/applications/" + id + "/status");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(batched ? BATCH_CLIENTS : SINGLE_CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            String path = paths.get(i);
            int items = batched ? Math.min(BATCH, count - i * BATCH) : 1;
            done.add(pool.submit(() -> post(path, body, batched ? items : 0)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    static String nextId() {
        if (applications == null) {
            return null;
        }
        if (nextApplication >= applications.size()) {
            throw new IllegalStateException("not enough applications seeded");
        }
        return applications.get(nextApplication++);
    }

    static String item(String applicationId, boolean batched) {
        if (kind.equals("events")) {
            String phone = "13" + (5 + ThreadLocalRandom.current().nextInt(5))
                    + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RECEIVED\",\"caseId\":\"" + UUID.randomUUID()
                    + "\",\"trackingNumber\":\"K7QM4HXP2R\",\"divisionCode\":\"620503114\",\"townshipName\":\"利桥镇\","
                    + "\"hotline\":\"0938-2731234\",\"phone\":\"" + phone + "\",\"urgent\":false,"
                    + "\"occurredAt\":\"2026-11-29T09:00:05+08:00\",\"deadline\":\"2026-12-02\",\"reasonCategory\":null,"
                    + "\"materials\":null,\"department\":null,\"amountYuan\":null,\"noticeEndsOn\":null}";
        }
        return "{" + (batched ? "\"applicationId\":\"" + applicationId + "\"," : "") + "\"eventId\":\"" + UUID.randomUUID()
                + "\",\"caseId\":\"" + UUID.randomUUID() + "\",\"sequence\":1,\"status\":\"ACCEPTED\","
                + "\"nextDeadline\":\"2026-12-02\",\"updatedAt\":\"2026-11-29T10:00:00+08:00\"}";
    }

    /** One call; for a batch, every one of its items must be accepted. */
    static void post(String path, String body, int items) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                FAILED.incrementAndGet();
                System.err.println(path + " answered " + r.statusCode() + ": " + r.body());
            } else if (items > 0) {
                int accepted = r.body().split("\\{\"status\":200,", -1).length - 1;
                if (accepted != items) {
                    System.err.println(path + " accepted " + accepted + " of " + items + " items");
                    FAILED.incrementAndGet();
                }
            }
        } catch (Exception e) {
            FAILED.incrementAndGet();
            System.err.println(path + ": " + e);
        }
    }

    /** utime + stime of a process, all its threads, in clock ticks. */
    static long cpu(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
    }

    /** The same, summed over the children of a process (PostgreSQL's backends). */
    static long children(long parent) throws Exception {
        long sum = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) {
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException gone) {
                    // exited meanwhile
                }
            }
        }
        return sum;
    }
}
