#!/usr/bin/env python3
"""Reads the raw files bench/run left in bench/.work and writes the results (Markdown + JSON).

Subcommands used by bench/run while it runs:
  intake-max WORK      median closed-loop intake tps (2xx only), for the open-loop rate
  chain-count WORK     SMS of the chain step that reached the sink so far
  sms-count WORK       messages of the SMS-rate step that reached the sink so far
  report WORK RESULTS  the results: RESULTS/<date>-<commit>.md and .json, RESULTS/latest.md
"""
import json
import os
import re
import statistics
import sys
from collections import defaultdict

TARGETS = {
    "intake_vs_pgbench": 0.60,
    "intake_p99_ms": 50.0,
    "chain_p95_ms": 500.0,
    "startup_ratio": 1.5,
    "rss_mb": 200.0,
    "query_p95_ms": 300.0,
    "sms_per_second": 200.0,
}


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def runs(work, prefix, suffix):
    """Files prefix-<n>suffix in run order."""
    out = []
    for name in os.listdir(work):
        m = re.fullmatch(re.escape(prefix) + r"-(\d+)" + re.escape(suffix), name)
        if m:
            out.append((int(m.group(1)), os.path.join(work, name)))
    return [p for _, p in sorted(out)]


def pgbench_tps(work):
    vals = []
    for p in runs(work, "pgbench", ".txt"):
        m = re.search(r"tps = ([0-9.]+)", read(p))
        if m:
            vals.append(float(m.group(1)))
    return vals


def wrk_runs(work):
    out = []
    for p in runs(work, "wrk", ".txt"):
        for line in read(p).splitlines():
            if line.startswith("{"):
                d = json.loads(line)
                ok = d["requests"] - d["non2xx"]
                d["ok_per_second"] = ok / (d["duration_us"] / 1e6)
                out.append(d)
    return out


def load_json(path):
    txt = read(path).strip().splitlines()
    for line in reversed(txt):
        if line.startswith("{"):
            return json.loads(line)
    return None


def median(vals):
    return statistics.median(vals) if vals else None


def spread(vals, fmt="{:.1f}"):
    if not vals:
        return ""
    return "runs " + ", ".join(fmt.format(v) for v in vals)


# ---- the SMPP sink's file ---------------------------------------------------------------------
def sink_messages(work, since_us=0):
    """Complete messages: (last part's arrival µs, destination, text, parts, [arrival of each part])."""
    groups = defaultdict(dict)
    for line in read(os.path.join(work, "sink.tsv")).splitlines():
        f = line.split("\t", 5)
        if len(f) < 6:
            continue
        t = int(f[0])
        if t < since_us:
            continue
        dest, ref, part, total = f[1][-11:], int(f[2]), int(f[3]), int(f[4])
        key = (dest, ref, total) if total > 1 else (dest, "single", t)
        groups[key][part] = (t, f[5])
    out = []
    for (dest, kind, total), parts in groups.items():
        n = 1 if kind == "single" else total
        if len(parts) < n:
            continue
        times = [parts[k][0] for k in sorted(parts)]
        text = "".join(parts[k][1] for k in sorted(parts))
        out.append((max(times), dest, text, n, times))
    return out


def sink_pdus(work, since_us=0, until_us=None):
    ts = []
    for line in read(os.path.join(work, "sink.tsv")).splitlines():
        f = line.split("\t", 1)
        if f and f[0].isdigit():
            t = int(f[0])
            if t >= since_us and (until_us is None or t <= until_us):
                ts.append(t)
    return sorted(ts)


def chain_accepted(work):
    """tracking number -> (due µs, 202 received µs) of the measured (after warm-up) requests."""
    acc = {}
    for line in read(os.path.join(work, "chain-load.tsv")).splitlines():
        f = line.split("\t")
        if len(f) >= 4 and f[3] and 200 <= int(f[2]) < 300:
            acc[f[3]] = (int(f[0]), int(f[1]))
    return acc


def chain_join(work):
    acc = chain_accepted(work)
    start = int(read(os.path.join(work, "chain-start.txt"), "0").strip() or 0)
    found = {}
    for t, _, text, _, _ in sink_messages(work, start):
        flat = text.replace("-", "")
        for m in re.finditer(r"[A-Z0-9]{10,}", flat):
            s = m.group(0)
            for i in range(0, len(s) - 9):
                for n in (11, 10):
                    cand = s[i:i + n]
                    if cand in acc and cand not in found:
                        found[cand] = t
    return acc, found


def sms_phase_messages(work):
    start = int(read(os.path.join(work, "sms-start.txt"), "0").strip() or 0)
    return [m for m in sink_messages(work, start) if m[1].startswith("1309")]


def pct(sorted_vals, p):
    if not sorted_vals:
        return None
    import math
    i = max(0, min(len(sorted_vals) - 1, math.ceil(p / 100 * len(sorted_vals)) - 1))
    return sorted_vals[i]


# ---- the report -------------------------------------------------------------------------------
def verdict(ok):
    return "pass" if ok else "short"


def shared_note(machine):
    """Says so when other work was running when the run began: the 1-minute load average above the cores, or
    other Java processes. (The load at the end is the bench's own: its steps keep both cores busy.)"""
    try:
        cores = int(machine.get("cores", "0"))
        before = float((machine.get("load_before", "") or "0").split()[0])
        others = int(machine.get("other_java_processes", "0") or 0)
    except ValueError:
        return []
    if cores and (before > cores or others > 0):
        return [f"**The machine was shared when this run began** (1-minute load average {before:.1f} on {cores} "
                f"cores, {others} other Java processes): absolute numbers may be low; read the ratios, and see "
                f"“What limits it”.", ""]
    return []


def report(work, results):
    machine = dict(line.split("=", 1) for line in read(os.path.join(work, "machine.txt")).splitlines() if "=" in line)
    notes = [line.split("\t", 1) for line in read(os.path.join(work, "notes.tsv")).splitlines() if "\t" in line]
    data = {"machine": machine, "notes": dict(notes), "targets": [], "details": {}}
    lines = []

    def target(name, value, target_text, ok, unit_value, why=""):
        data["targets"].append({"name": name, "value": unit_value, "target": target_text,
                                "result": None if ok is None else verdict(ok), "note": why})
        if ok is None:
            lines.append(f"{name}: not measured ({why})")
        else:
            lines.append(f"{name}: {value} ({target_text}) {verdict(ok)}" + (f" — {why}" if why else ""))

    def missing(name, key, target_text):
        why = data["notes"].get(key) or "step not run"
        why = re.sub(r"^not measured \((.*)\)$", r"\1", why)
        target(name, None, target_text, None, None, why)

    # 1 + 2: the database's limit and intake
    pg = pgbench_tps(work)
    wr = wrk_runs(work)
    data["details"]["pgbench_tps"] = pg
    data["details"]["wrk"] = wr
    pg_med = median(pg)
    wr_med = median([w["ok_per_second"] for w in wr])
    if pg_med and wr_med:
        ratio = wr_med / pg_med
        target("intake tps / pgbench tps", f"{ratio:.2f} = {wr_med:.0f} / {pg_med:.0f} tps "
               f"(intake {spread([w['ok_per_second'] for w in wr], '{:.0f}')}; pgbench {spread(pg, '{:.0f}')})",
               f"≥ {TARGETS['intake_vs_pgbench']:.2f}", ratio >= TARGETS["intake_vs_pgbench"], ratio)
    else:
        missing("intake tps / pgbench tps", "intake" if not wr_med else "pgbench", f"≥ {TARGETS['intake_vs_pgbench']:.2f}")
    opens = [j for j in (load_json(p) for p in runs(work, "open", ".json")) if j and j.get("p99_ms") is not None]
    data["details"]["open_loop"] = opens
    rate = read(os.path.join(work, "open-rate.txt")).strip()
    if opens:
        p99 = median([o["p99_ms"] for o in opens])
        errors = sum(o["requests"] - o["ok"] for o in opens)
        target(f"intake p99 at {rate}/s (half the maximum), open loop", f"{p99:.1f} ms "
               f"(p50 {median([o['p50_ms'] for o in opens]):.1f}, p95 {median([o['p95_ms'] for o in opens]):.1f} ms; "
               f"p99 {spread([o['p99_ms'] for o in opens])}; {errors} errors)",
               f"≤ {TARGETS['intake_p99_ms']:.0f} ms", p99 <= TARGETS["intake_p99_ms"] and errors == 0, p99)
    else:
        missing("intake p99 at half the maximum rate", "intake", "≤ 50 ms")

    # 3: submit → SMS
    if os.path.exists(os.path.join(work, "chain-load.tsv")):
        acc, found = chain_join(work)
        warm_until = min((v[0] for v in acc.values()), default=0) + 10_000_000
        measured = {k: v for k, v in acc.items() if v[0] >= warm_until}
        lat = sorted((found[k] - v[1]) / 1000 for k, v in measured.items() if k in found)
        lost = len(measured) - len(lat)
        lj = load_json(os.path.join(work, "chain-load.json")) or {}
        data["details"]["chain"] = {"accepted": len(measured), "sms": len(lat), "missing": lost, "load": lj,
                                    "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95), "p99_ms": pct(lat, 99)}
        if lat:
            p95 = pct(lat, 95)
            target(f"submit → SMS p95 at {machine.get('chain_rate', '100')} applications/s",
                   f"{p95:.0f} ms (p50 {pct(lat, 50):.0f}, p99 {pct(lat, 99):.0f}, max {lat[-1]:.0f} ms; "
                   f"{len(lat)} SMS for {len(measured)} accepted, {lost} missing; 202 p99 {lj.get('p99_ms')} ms)",
                   f"≤ {TARGETS['chain_p95_ms']:.0f} ms", p95 <= TARGETS["chain_p95_ms"] and lost == 0, p95)
        else:
            target(f"submit → SMS p95 at {machine.get('chain_rate', '100')} applications/s",
                   f"no SMS: {len(measured)} of {lj.get('requests')} applications accepted after the warm-up "
                   f"(answers {lj.get('statuses')}, -1 = no answer in 30 s)", "≤ 500 ms", False, None,
                   "see “What limits it” (1)")
    else:
        missing("submit → SMS p95 at 100 applications/s", "chain", "≤ 500 ms")

    # 4: start-up and memory
    st = defaultdict(list)
    rss_start = defaultdict(list)
    for line in read(os.path.join(work, "startup.tsv")).splitlines():
        app, _, s, rss = line.split("\t")
        st[app].append(float(s))
        rss_start[app].append(int(rss or 0) / 1024)
    rss_load = defaultdict(list)
    for line in read(os.path.join(work, "rss.tsv")).splitlines():
        app, when, rss = line.split("\t")
        if when == "after-load" and rss:
            rss_load[app].append(int(rss) / 1024)
    data["details"]["startup_seconds"] = st
    data["details"]["rss_after_start_mb"] = rss_start
    data["details"]["rss_after_load_mb"] = rss_load
    hello = median(st.get("hello", []))
    for app in ("intake", "case", "notification"):
        if st.get(app) and hello:
            r = median(st[app]) / hello
            target(f"{app}-service ready / bare app ready", f"{r:.2f} = {median(st[app]):.2f} s / {hello:.2f} s "
                   f"({app} {spread(st[app], '{:.2f}')} s; RSS after start {median(rss_start[app]):.0f} MB, "
                   f"bare app {median(rss_start['hello']):.0f} MB)",
                   f"≤ {TARGETS['startup_ratio']}", r <= TARGETS["startup_ratio"], r)
        else:
            missing(f"{app}-service ready / bare app ready", f"startup-{app}" if hello else "startup-hello", "≤ 1.5")
        if rss_load.get(app):
            m = max(rss_load[app])
            after_start = f"{median(rss_start[app]):.0f} MB" if rss_start.get(app) else "n/a"
            target(f"{app}-service RSS after load", f"{m:.0f} MB (after start {after_start}; "
                   f"bare app after start {median(rss_start['hello']) if rss_start.get('hello') else 0:.0f} MB)",
                   f"≤ {TARGETS['rss_mb']:.0f} MB", m <= TARGETS["rss_mb"], m)
        else:
            missing(f"{app}-service RSS after load", "chain", "≤ 200 MB")

    # 5: queries at size
    qnames = ["queue-district", "queue-township", "queue-overdue", "statistics-district", "statistics-township",
              "statistics-district-all-time"]
    cases = machine.get("cases", "1000000")
    for q in qnames:
        rs = [j for j in (load_json(p) for p in runs(work, "query-" + q, ".json")) if j and j.get("p95_ms") is not None]
        data["details"]["query_" + q] = rs
        if rs:
            p95 = median([r["p95_ms"] for r in rs])
            target(f"{q} p95 at {int(cases):,} cases", f"{p95:.0f} ms (p50 {median([r['p50_ms'] for r in rs]):.0f} ms; "
                   f"p95 {spread([r['p95_ms'] for r in rs], '{:.0f}')} ms)",
                   f"≤ {TARGETS['query_p95_ms']:.0f} ms", p95 <= TARGETS["query_p95_ms"], p95)
        else:
            missing(f"{q} p95 at {int(cases):,} cases", "query-" + q if ("query-" + q) in data["notes"] else "queries",
                    "≤ 300 ms")

    # 6: SMS rate
    if os.path.exists(os.path.join(work, "sms-start.txt")):
        msgs = sms_phase_messages(work)
        configured = int(machine.get("sms_rate", "1000"))
        if len(msgs) >= 2:
            first = min(min(m[4]) for m in msgs)
            last = max(m[0] for m in msgs)
            pdus = sorted(t for m in msgs for t in m[4])
            secs = (last - first) / 1e6
            per_s = len(msgs) / secs if secs > 0 else 0
            # the most PDUs in any window of one second
            peak, j = 0, 0
            for i in range(len(pdus)):
                while pdus[i] - pdus[j] >= 1_000_000:
                    j += 1
                peak = max(peak, i - j + 1)
            ev = load_json(os.path.join(work, "sms-events.json")) or {}
            data["details"]["sms"] = {"messages": len(msgs), "pdus": len(pdus), "seconds": secs,
                                      "messages_per_second": per_s, "pdus_per_second": len(pdus) / secs if secs else 0,
                                      "peak_pdus_in_one_second": peak, "configured_rate": configured, "events": ev}
            target("SMPP messages per second", f"{per_s:.0f} msg/s ({len(msgs)} messages = {len(pdus)} submit_sm in "
                   f"{secs:.1f} s, {len(pdus) / secs:.0f} submit_sm/s; most in any 1 s: {peak}, configured {configured}/s)",
                   f"≥ {TARGETS['sms_per_second']:.0f}, never above {configured}/s",
                   per_s >= TARGETS["sms_per_second"] and peak <= configured, per_s)
        else:
            target("SMPP messages per second", None, "≥ 200", None, None, "no messages reached the sink")
    else:
        missing("SMPP messages per second", "sms", "≥ 200")

    # ---- write
    date = machine.get("date", "unknown")
    commit = machine.get("commit", "unknown")
    stem = f"{date[:10]}-{commit.replace('+dirty', '')}"
    md = [f"# Benchmark results {date} ({commit})", "",
          "Produced by `bench/run` (see [../README.md](../README.md)). Ratios compare against limits measured in the "
          "same run on the same machine; absolute numbers drift on a shared machine.", "",
          ] + shared_note(machine) + ["## Targets", "", "```"] + lines + ["```", "", "## Machine", "",
          f"- date: {date}; commit: {commit}",
          f"- CPU: {machine.get('cpu')}; cores: {machine.get('cores')}; memory: {machine.get('memory_mb')} MB",
          f"- {machine.get('java')}; JVM options: {machine.get('java_opts')}",
          f"- PostgreSQL {machine.get('postgres')}: {machine.get('pg_settings')}",
          f"- load average before / after: {machine.get('load_before')} / {machine.get('load_after')}; "
          f"other java processes at the start: {machine.get('other_java_processes')}",
          f"- parameters: {machine.get('params')}",
          f"- whole run: {machine.get('run_seconds')} s", ""]
    if data["notes"]:
        md += ["## Notes from the run", ""] + [f"- {k}: {v}" for k, v in data["notes"].items()] + [""]
    extra = read(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "analysis.md")).strip()
    if extra:
        md += ["## What limits it", "", extra, ""]
    md += ["## Details", "", "```json", json.dumps(data["details"], indent=1, ensure_ascii=False, default=str)[:20000],
           "```", ""]
    os.makedirs(results, exist_ok=True)
    with open(os.path.join(results, stem + ".md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    with open(os.path.join(results, stem + ".json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False, default=str)
    with open(os.path.join(results, "latest.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md).replace("](../README.md)", "](../README.md)") +
                f"\n(latest: [{stem}.md]({stem}.md), raw: [{stem}.json]({stem}.json))\n")
    with open(os.path.join(work, "report-path.txt"), "w") as f:
        f.write(os.path.join(results, stem + ".md"))
    print("\n".join(lines))


def main():
    cmd, work = sys.argv[1], sys.argv[2]
    if cmd == "intake-max":
        print(f"{median([w['ok_per_second'] for w in wrk_runs(work)]) or 0:.0f}")
    elif cmd == "chain-count":
        print(len(chain_join(work)[1]))
    elif cmd == "sms-count":
        print(len(sms_phase_messages(work)))
    elif cmd == "report":
        report(work, sys.argv[3])


if __name__ == "__main__":
    main()
