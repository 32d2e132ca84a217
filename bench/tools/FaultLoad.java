// The fault test's client and checker (bench/faults). Plain JDK 17 plus, for `check`, the PostgreSQL
// JDBC driver on the class path.
//
//   java FaultLoad.java load url=http://localhost:8081 rate=12 duration=240 out=load.tsv
//     A steady arrival of applications (each a distinct applicant, phone and client address). Each is
//     sent by a client that retries as the form's script does: on 503/5xx, a refused or cut
//     connection or a timeout it waits (Retry-After, at most 5 s) and sends the same request with the
//     same Idempotency-Key again, until 202, a 4xx, or 300 s. One line per application: key, phone,
//     final status, tracking number, attempts, every status seen (000 = no answer), due and done ms.
//
//   java -cp postgresql.jar FaultLoad.java check load=load.tsv sink=sink.tsv faults=faults.log jdbc=jdbc:postgresql://127.0.0.1:5433/
//     Joins the load with case-service's and notification-service's databases and the SMSC's log
//     (bench/tools/SmppSink.java lines) and the kill times, and prints the results in markdown.
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FaultLoad {

    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([A-Z0-9]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int i = a.indexOf('=');
            o.put(a.substring(0, i), a.substring(i + 1));
        }
        if (args[0].equals("load")) {
            load(o.getOrDefault("url", "http://localhost:8081"), Double.parseDouble(o.getOrDefault("rate", "12")),
                    Integer.parseInt(o.getOrDefault("duration", "240")), Path.of(o.getOrDefault("out", "load.tsv")));
        } else {
            check(Path.of(o.get("load")), Path.of(o.get("sink")), Path.of(o.get("faults")), o.get("jdbc"));
        }
    }

    static String idNumber(int n) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String body = "620503" + birth.toString().replace("-", "") + String.format("%03d", (n / 20_000) % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static void load(String url, double rate, int seconds, Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        int total = (int) (rate * seconds);
        int seed = new Random().nextInt(1_000_000);
        List<Future<String>> results = new ArrayList<>();
        long t0 = System.currentTimeMillis();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < total; i++) {
            long due = t0 + (long) (i * 1000 / rate);
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            int n = seed + i;
            results.add(pool.submit(() -> {
                String line = apply(http, url, n, due);
                done.incrementAndGet();
                return line;
            }));
            if (i % (int) (rate * 30) == 0) {
                System.out.printf("load: %d sent, %d done%n", i, done.get());
            }
        }
        StringBuilder sb = new StringBuilder("key\tphone\tstatus\ttracking\tattempts\tstatuses\tdue_ms\tdone_ms\n");
        for (Future<String> f : results) {
            sb.append(f.get()).append('\n');
        }
        pool.shutdown();
        Files.writeString(out, sb.toString());
        System.out.printf("load: %d applications, written to %s%n", total, out);
    }

    static String apply(HttpClient http, String url, int n, long due) {
        String key = UUID.randomUUID().toString();
        String phone = "139" + String.format("%08d", Math.floorMod(n * 7919L + 13, 100_000_000L));
        String xff = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (1 + n % 254);
        String body = """
                {"divisionCode":"620503114","applicant":{"name":"张小三","idNumber":"%s","phone":"%s"},
                 "difficulty":"ILLNESS","description":"故障测试","consent":true,"householdSize":3,"urgent":false}"""
                .formatted(idNumber(n), phone);
        List<String> statuses = new ArrayList<>();
        String tracking = "";
        int status = 0;
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            long pause = 1000;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/applications"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).header("X-Forwarded-For", xff)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                status = r.statusCode();
                statuses.add(Integer.toString(status));
                if (status == 202) {
                    Matcher m = TRACKING.matcher(r.body());
                    tracking = m.find() ? m.group(1) : "?";
                    break;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    break;
                }
                pause = r.headers().firstValue("Retry-After").map(v -> Math.min(5, Long.parseLong(v)) * 1000).orElse(1000L);
            } catch (IOException e) {
                status = 0;
                statuses.add("000");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return key + "\t" + phone + "\t" + status + "\t" + tracking + "\t" + statuses.size() + "\t"
                + String.join(",", statuses) + "\t" + due + "\t" + System.currentTimeMillis();
    }

    record Fault(long ms, String what) {
    }

    static void check(Path loadFile, Path sinkFile, Path faultsFile, String jdbc) throws Exception {
        List<String[]> rows = Files.readAllLines(loadFile).stream().skip(1).map(l -> l.split("\t", -1)).toList();
        Map<String, Integer> statusCount = new TreeMap<>();
        List<String> accepted = new ArrayList<>();
        Map<String, String> phoneOf = new HashMap<>();
        int retried = 0;
        for (String[] r : rows) {
            for (String s : r[5].split(",")) {
                statusCount.merge(s, 1, Integer::sum);
            }
            if (r[2].equals("202")) {
                accepted.add(r[3]);
                phoneOf.put(r[3], r[1]);
            }
            if (Integer.parseInt(r[4]) > 1) {
                retried++;
            }
        }
        Map<String, Integer> cases = counts(jdbc + "cases", "select tracking_number, count(*) from case_file where tracking_number = any(?) group by 1", accepted);
        Map<String, Integer> sms = counts(jdbc + "notification", "select tracking_number, count(*) from sms_message where tracking_number = any(?) and event_type = 'RECEIVED' group by 1", accepted);
        // the phone's view: how often part 1 of a message arrived at the SMSC, and when
        Map<String, List<Long>> firstParts = new HashMap<>();
        for (String l : Files.readAllLines(sinkFile)) {
            String[] f = l.split("\t", -1);
            if (f.length >= 5 && f[3].equals("1") && f[5].contains("已收到")) {
                String phone = f[1].length() > 11 ? f[1].substring(f[1].length() - 11) : f[1];
                firstParts.computeIfAbsent(phone, k -> new ArrayList<>()).add(Long.parseLong(f[0]) / 1000);
            }
        }
        List<Fault> faults = Files.readAllLines(faultsFile).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t", 2)).map(f -> new Fault(Long.parseLong(f[0]), f[1])).toList();
        int reachedOnce = 0, missing = 0, doubled = 0, noSms = 0, smsOnce = 0;
        Map<String, Integer> twiceBecause = new TreeMap<>();
        for (String t : accepted) {
            int c = cases.getOrDefault(t, 0);
            if (c == 1) reachedOnce++; else if (c == 0) missing++; else doubled++;
            List<Long> at = firstParts.getOrDefault(phoneOf.get(t), List.of());
            if (at.isEmpty()) noSms++;
            else if (at.size() == 1) smsOnce++;
            else {
                long a = at.get(0), b = at.get(at.size() - 1);
                String cause = faults.stream().filter(f -> f.ms() >= a - 15_000 && f.ms() <= b)
                        .map(Fault::what).filter(w -> w.contains("notification") || w.contains("smsc"))
                        .findFirst().orElse("NO sender/SMSC kill between the two: " + faults.stream()
                                .filter(f -> f.ms() >= a - 15_000 && f.ms() <= b).map(Fault::what).toList());
                twiceBecause.merge(cause, 1, Integer::sum);
            }
        }
        System.out.println("| measure | value |\n|---|---|");
        System.out.printf("| applications sent | %d |%n| accepted (202) | %d |%n| not accepted in 300 s | %d |%n",
                rows.size(), accepted.size(), rows.size() - accepted.size());
        System.out.printf("| applications that needed a retry | %d |%n", retried);
        System.out.printf("| answers by status (all attempts) | %s |%n", statusCount);
        System.out.printf("| 500 answers | %d |%n", statusCount.getOrDefault("500", 0));
        System.out.printf("| accepted and in case-service once / missing / more than once | %d / %d / %d |%n", reachedOnce, missing, doubled);
        System.out.printf("| \"received\" SMS rows in notification-service (accepted with one row) | %d |%n",
                sms.values().stream().filter(v -> v == 1).count());
        System.out.printf("| \"received\" SMS at the SMSC once / twice or more / not yet | %d / %d / %d |%n", smsOnce,
                twiceBecause.values().stream().mapToInt(Integer::intValue).sum(), noSms);
        twiceBecause.forEach((k, v) -> System.out.printf("| SMS twice after `%s` | %d |%n", k, v));
    }

    static Map<String, Integer> counts(String url, String sql, List<String> keys) throws Exception {
        Map<String, Integer> m = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return m;
    }
}
