// The benchmark's HTTP load generator (`java Load.java <rate|closed> key=value …`).
//
// Why hand-written: the issue asks for latency at a fixed arrival rate without coordinated omission,
// and no packaged tool on this Debian does that (wrk2 is not packaged; wrk and hey are closed-loop:
// a slow answer delays the next request and hides the wait). Here, in `rate` mode, request i is due
// at t0 + i/rate; it is handed to a free connection when due whatever happened to earlier ones, and
// its latency is measured from the time it was due, not from when it was actually sent. `closed`
// mode keeps `concurrency` requests in flight (used to load events and to time the queries).
//
// `rate` mode writes prebuilt HTTP/1.1 requests on plain keep-alive sockets (`connections` of them,
// 64 by default, one thread each) instead of java.net.http: the load generator shares the 2 cores
// with the services it measures, and on the JDK client it took about 0.6 of a core at 500 requests
// a second, which showed as the services' latency.
//
// kinds: intake (a valid application, distinct applicant, Idempotency-Key and X-Forwarded-For per
// request), event (a RECEIVED event for notification-service), get (GET the urls, comma-separated,
// in turn). Options: url, rate, duration (s), warmup (s), concurrency, count, token, townships,
// seed, out (a TSV of every request: due µs, done µs, status, tracking number), label.
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Load {
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
    static final String[] GIVEN = {"小三", "建国", "秀英", "玉兰", "志强", "桂芳", "海燕", "明", "军", "丽"};
    static final String[] DIFFICULTIES = {"ILLNESS", "DISABILITY", "DISASTER", "SCHOOLING", "UNEMPLOYMENT",
            "ELDERLY_ALONE", "HOUSING", "OTHER"};
    static final String[] STORIES = {"丈夫住院，医药费负担重，家里还有两个孩子上学，收入不够日常开支",
            "暴雨冲毁了房屋和庄稼，一家人暂住在亲戚家，急需帮助", "独居老人，行动不便，没有固定收入，冬季取暖困难",
            "孩子考上大学，学费和生活费凑不齐，父母务农收入低"};
    static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([A-Z0-9]+)\"");

    record Result(long dueMicros, long doneMicros, int status, String tracking) {
    }

    static Map<String, String> opts = new HashMap<>();
    static HttpClient client;
    static String[] townships;
    static String[] urls;
    static long seed;
    static final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
    /** A request, with its body kept as text (java.net.http keeps a publisher, not the bytes). */
    record Req(HttpRequest http, String body) {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            int i = a.indexOf('=');
            opts.put(a.substring(0, i), a.substring(i + 1));
        }
        townships = opt("townships", "620503114").split(",");
        urls = opt("url", "").split(",");
        seed = Long.parseLong(opt("seed", "1"));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        long warmupMicros = (long) (Double.parseDouble(opt("warmup", "0")) * 1e6);
        long t0 = micros();
        if (mode.equals("rate")) {
            rate(Double.parseDouble(opt("rate", "10")), Double.parseDouble(opt("duration", "10")));
        } else {
            closed(Integer.parseInt(opt("concurrency", "8")), Long.parseLong(opt("count", "1000")),
                    Double.parseDouble(opt("duration", "0")));
        }
        report(mode, t0, t0 + warmupMicros);
        System.exit(0);
    }

    static String opt(String k, String def) {
        return opts.getOrDefault(k, def);
    }

    static long micros() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    /** Open loop: request i is due at t0 + i/rate and goes out on the first free connection. */
    static void rate(double rate, double seconds) throws Exception {
        int n = (int) (rate * seconds);
        URI uri = URI.create(urls[0]);
        byte[][] wire = new byte[n][];
        for (int i = 0; i < n; i++) {
            wire[i] = bytes(request(i), uri);
        }
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        CountDownLatch finished = new CountDownLatch(n);
        int connections = Integer.parseInt(opt("connections", "64"));
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                Connection conn = new Connection(uri);
                while (true) {
                    long[] job;
                    try {
                        job = due.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    results.add(conn.exchange(wire[(int) job[0]], job[1]));
                    finished.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            t.start();
        }
        long t0 = System.nanoTime() + 50_000_000L;
        long wall0 = micros() + 50_000L;
        for (int i = 0; i < n; i++) {
            long dueNanos = t0 + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = dueNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new long[] {i, wall0 + (dueNanos - t0) / 1000});
        }
        finished.await(60, TimeUnit.SECONDS);
    }

    /** The request as HTTP/1.1 bytes (the same headers and body java.net.http would send). */
    static byte[] bytes(Req r, URI uri) {
        HttpRequest req = r.http();
        StringBuilder h = new StringBuilder(req.method()).append(' ').append(req.uri().getRawPath());
        if (req.uri().getRawQuery() != null) {
            h.append('?').append(req.uri().getRawQuery());
        }
        h.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        req.headers().map().forEach((k, vs) -> vs.forEach(v -> h.append(k).append(": ").append(v).append("\r\n")));
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
        if (req.method().equals("POST")) {
            h.append("Content-Length: ").append(body.length).append("\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** One keep-alive connection; reconnects after an error or a "Connection: close". */
    static final class Connection {
        final URI uri;
        Socket socket;
        InputStream in;
        OutputStream out;

        Connection(URI uri) {
            this.uri = uri;
        }

        Result exchange(byte[] request, long dueMicros) {
            for (int attempt = 0; ; attempt++) {
                boolean fresh = socket == null;
                try {
                    if (fresh) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16_384);
                        out = socket.getOutputStream();
                    }
                    out.write(request);
                    out.flush();
                    return read(dueMicros);
                } catch (IOException e) {
                    close();
                    // a kept-alive connection the server closed meanwhile: once more on a new one
                    if (fresh || attempt > 0) {
                        return new Result(dueMicros, micros(), -1, null);
                    }
                }
            }
        }

        Result read(long dueMicros) throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String l = h.toLowerCase();
                if (l.startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
                    chunked = true;
                } else if (l.startsWith("connection:") && l.contains("close")) {
                    closeAfter = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                copy(length, body);
            }
            long done = micros();
            if (closeAfter) {
                close();
            }
            String tracking = null;
            if (opt("kind", "intake").equals("intake")) {
                Matcher m = TRACKING.matcher(body.toString(StandardCharsets.UTF_8));
                tracking = m.find() ? m.group(1) : null;
            }
            return new Result(dueMicros, done, code, tracking);
        }

        String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new IOException("connection closed");
                }
                to.write(buf, 0, r);
                n -= r;
            }
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** Closed loop: `concurrency` requests in flight until `count` are done (or `duration` s passed). */
    static void closed(int concurrency, long count, double seconds) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        long end = seconds > 0 ? System.nanoTime() + (long) (seconds * 1e9) : Long.MAX_VALUE;
        AtomicLong done = new AtomicLong();
        for (long i = 0; i < count && System.nanoTime() < end; i++) {
            slots.acquire();
            send(i, micros()).whenComplete((r, e) -> {
                done.incrementAndGet();
                slots.release();
            });
        }
        slots.acquire(concurrency);
    }

    static CompletableFuture<?> send(long i, long dueMicros) {
        HttpRequest req = request(i).http();
        return client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
            long done = micros();
            String tracking = null;
            int status = err != null ? -1 : resp.statusCode();
            if (resp != null && opt("kind", "intake").equals("intake")) {
                Matcher m = TRACKING.matcher(resp.body());
                tracking = m.find() ? m.group(1) : null;
            }
            results.add(new Result(dueMicros, done, status, tracking));
            return null;
        });
    }

    static Req request(long i) {
        long g = seed * 10_000_000L + i;
        String kind = opt("kind", "intake");
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        String bodyOf = null;
        String token = opt("token", "");
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        switch (kind) {
            case "intake" -> {
                String body = "{\"divisionCode\":\"" + townships[(int) (g % townships.length)] + "\","
                        + "\"applicant\":{\"name\":\"" + SURNAMES[(int) (g % 10)] + GIVEN[(int) (g / 10 % 10)] + "\","
                        + "\"idNumber\":\"" + idNumber(g) + "\",\"phone\":\"" + phone(g) + "\"},"
                        + "\"difficulty\":\"" + DIFFICULTIES[(int) (g % DIFFICULTIES.length)] + "\","
                        + "\"description\":\"" + STORIES[(int) (g % STORIES.length)] + "\","
                        + "\"consent\":true,\"householdSize\":" + (1 + g % 6) + ",\"urgent\":false}";
                b.uri(URI.create(urls[0])).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "bench-" + g + "-" + UUID.randomUUID())
                        // distinct client addresses, as in a real surge (the service trusts the header only with SFH_BEHIND_PROXY)
                        .header("X-Forwarded-For", "10." + (g >> 16 & 255) + "." + (g >> 8 & 255) + "." + (g & 255))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                bodyOf = body;
            }
            case "event" -> {
                String body = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RECEIVED\",\"caseId\":\""
                        + UUID.randomUUID() + "\",\"trackingNumber\":\"B" + String.format("%010d", g % 10_000_000_000L)
                        + "\",\"divisionCode\":\"620503114\",\"townshipName\":\"利桥镇\",\"hotline\":\"0938-2731234\","
                        + "\"phone\":\"" + phone(g) + "\",\"urgent\":false,\"occurredAt\":\"2026-11-29T09:00:00+08:00\","
                        + "\"deadline\":\"2026-12-02\"}";
                b.uri(URI.create(urls[0])).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                bodyOf = body;
            }
            default -> b.uri(URI.create(urls[(int) (i % urls.length)])).GET();
        }
        return new Req(b.build(), bodyOf);
    }

    /** An 18-character ID number of Maiji (620503) with a valid GB 11643 check character. */
    static String idNumber(long g) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(g / 1000 % 18_000);
        String first17 = "620503" + birth.toString().replace("-", "") + String.format("%03d", g % 1000);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        return first17 + CHECK[sum % 11];
    }

    static String phone(long g) {
        return "13" + String.format("%09d", g % 1_000_000_000L);
    }

    static void report(String mode, long t0, long measuredFrom) throws Exception {
        List<Result> all = new ArrayList<>(results);
        String out = opt("out", "");
        if (!out.isEmpty()) {
            try (BufferedWriter w = new BufferedWriter(new FileWriter(out, StandardCharsets.UTF_8))) {
                for (Result r : all) {
                    w.write(r.dueMicros + "\t" + r.doneMicros + "\t" + r.status + "\t" + (r.tracking == null ? "" : r.tracking) + "\n");
                }
            }
        }
        List<Result> measured = all.stream().filter(r -> r.dueMicros >= measuredFrom).toList();
        long[] lat = measured.stream().filter(r -> r.status >= 200 && r.status < 300)
                .mapToLong(r -> r.doneMicros - r.dueMicros).sorted().toArray();
        Map<Integer, Integer> statuses = new TreeMap<>();
        measured.forEach(r -> statuses.merge(r.status, 1, Integer::sum));
        long first = measured.stream().mapToLong(Result::dueMicros).min().orElse(t0);
        long last = measured.stream().mapToLong(Result::doneMicros).max().orElse(t0);
        double secs = Math.max(1e-6, (last - first) / 1e6);
        StringBuilder s = new StringBuilder("{\"mode\":\"" + mode + "\",\"label\":\"" + opt("label", "") + "\"");
        s.append(",\"requests\":").append(measured.size()).append(",\"ok\":").append(lat.length);
        s.append(",\"seconds\":").append(String.format("%.3f", secs));
        s.append(",\"ok_per_second\":").append(String.format("%.1f", lat.length / secs));
        s.append(",\"p50_ms\":").append(pct(lat, 50)).append(",\"p95_ms\":").append(pct(lat, 95));
        s.append(",\"p99_ms\":").append(pct(lat, 99)).append(",\"max_ms\":").append(pct(lat, 100));
        s.append(",\"statuses\":{");
        s.append(String.join(",", statuses.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).toList()));
        s.append("}}");
        System.out.println(s);
    }

    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "null";
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return String.format("%.2f", sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1000.0);
    }
}
