"""bench/console's report: reads bench/.work/console (meta.json, <page>-<run>.json, api-*.json,
transfer.tsv) and writes the Markdown result file given as the second argument."""
import json
import statistics
import sys
from pathlib import Path

work, out = Path(sys.argv[1]), Path(sys.argv[2])
m = json.loads((work / "meta.json").read_text())
runs = int(m["runs"])
target_ms, first_kb, cached_kb = int(m["target_ms"]), int(m["target_first_kb"]), int(m["target_cached_kb"])
pages = {p: [json.loads((work / f"{p}-{i}.json").read_text()) for i in range(1, runs + 1)] for p in ("queue", "case")}
api = {}
for f in sorted(work.glob("api-*-1.json")):
    name = f.name[: -len("-1.json")]
    api[name] = (json.loads(f.read_text()), (work / f"{name}.path").read_text().strip())
rows = [line.rstrip("\n").split("\t") for line in (work / "transfer.tsv").read_text().splitlines() if line.strip()]

L = []
w = L.append
verdicts = []


def med(rs, k):
    return statistics.median(r[k] for r in rs)


def each(rs, k):
    return ", ".join(f"{r[k]:g}" for r in rs)


w(f"# Staff console at {int(m['seeded']):,} cases — {m['date']}, {m['commit']}")
w("")
w("`bench/console` (how: [bench/README.md](../README.md#the-staff-console-benchconsole)). "
  f"Machine: {m['cores']} cores, {m['cpu']}; load average {m['load_before']} before, {m['load_after']} after "
  f"(other work on the machine shares the cores); {m['java']}; JVM options `{m['java_opts']}`; PostgreSQL {m['pg']}. "
  "case-service and the console from their packaged jars (prod,local); signed in as liqiao (township reviewer, "
  "620503114) through the console's OIDC code flow against the bench's OIDC stub. "
  f"Database: {int(m['seeded']):,} cases, {int(m['in_township']):,} of them in 620503114, "
  f"{int(m['open_in_township']):,} of those open.")
w("")
w("## Rendered time (console + case-service + PostgreSQL, on the loopback)")
w("")
w(f"hey, {m['c']} clients, {m['warmup']} warm-up requests, then {runs} runs of {m['n']} requests per page; "
  "the median of the runs, each run's p95 in brackets.")
w("")
w("| page | p50 | p95 | p99 | max | answers | target | |")
w("|---|---|---|---|---|---|---|---|")
for p, what in (("queue", "`/` — the reviewer's queue, first page"),
                ("case", "`/cases/{id}` — a TEMPORARY case: details, deadlines, timeline, actions")):
    rs = pages[p]
    codes = {}
    for r in rs:
        for c, n in r["codes"].items():
            codes[c] = codes.get(c, 0) + n
    ok = med(rs, "p95") <= target_ms and set(codes) == {"200"}
    verdicts.append((f"{p} page p95", f"{med(rs, 'p95'):g} ms (runs {each(rs, 'p95')})",
                     f"≤ {target_ms} ms", ok))
    w(f"| {what} | {med(rs, 'p50'):g} ms | {med(rs, 'p95'):g} ms ({each(rs, 'p95')}) | "
      f"{med(rs, 'p99'):g} ms | {max(r['max'] for r in rs):g} ms | "
      f"{', '.join(f'{n}× {c}' for c, n in sorted(codes.items()))} | p95 ≤ {target_ms} ms | {'pass' if ok else 'short'} |")
if api:
    w("")
    w("case-service alone, the calls the pages make (same user's token, same clients, one run after the pages):")
    w("")
    w("| call | p50 | p95 | p99 |")
    w("|---|---|---|---|")
    for name, (r, path) in api.items():
        w(f"| `GET {path.replace(m.get('case_id', '~'), '{id}')}` | {r['p50']:g} ms | {r['p95']:g} ms | {r['p99']:g} ms |")
w("")
w("## Bytes on the wire")
w("")
w("Each response as sent: headers + body, compressed as the console chose for `Accept-Encoding: gzip, deflate, br`. "
  "First load: the page, its stylesheet and htmx. Cached reload: the page again (`no-store`: it shows personal data) "
  "and the two assets revalidated with `If-Modified-Since` — what a browser's reload does at worst; within "
  "`max-age` a browser does not ask for them at all.")
w("")
w("| page | load | resource | status | bytes | encoding | Cache-Control |")
w("|---|---|---|---|---|---|---|")
for r in rows:
    res = "/cases/{id}" if r[2].startswith("/cases/") else r[2]
    w(f"| {r[0]} | {r[1]} | `{res}` | {r[3]} | {int(r[4]):,} | {r[5] or '—'} | {r[6] or '—'} |")
for p in ("queue", "case"):
    for load, target in (("first", first_kb), ("cached", cached_kb)):
        total = sum(int(r[4]) for r in rows if r[0] == p and r[1] == load)
        verdicts.append((f"{p} page, {load} load", f"{total / 1024:.1f} KB ({total:,} bytes)", f"≤ {target} KB",
                         total <= target * 1024))
w("")
w("## Results")
w("")
w("```")
for name, value, target, ok in verdicts:
    w(f"{name}: {value} ({target}) {'pass' if ok else 'short'}")
w("```")
out.write_text("\n".join(L) + "\n")
print(out)
