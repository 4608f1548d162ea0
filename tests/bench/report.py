#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The benchmark's table and target checks (called by tests/bench/run).

usage: report.py ROWS.tsv HEAD.md OUT.md ROCKETRML(0|1) ROCKETRML_MAX
                 [--issue13 META.tsv CHECKS.tsv [GROWTH.tsv [CURVE.tsv]]]

ROWS.tsv: label, size, triples, median microseconds, peak RSS KB, status,
median CPU microseconds (user + system, every thread; may be empty), and
for a failed command the first line of its stderr that is not a warning
and its wall time in microseconds.
With --issue13: META.tsv: size, entities, statements, kind (tiny, main,
buffered, diagram) and, for a diagram dataset, the entities asked of
tests/bench/gen; CHECKS.tsv: check, size, PASS/FAIL/SKIP/NOTE, detail (the
parse-back checks `run` made); GROWTH.tsv: what (validate or a format),
small size, big size, then comma-separated per round: wall microseconds at
the small size, at the big one, CPU microseconds at each, "ok" or how a
run failed, user CPU microseconds at each (the growth phase: the two
sizes in alternation), and the instructions of one run at each under
valgrind (empty without --instructions).
Writes HEAD.md + table + checks to OUT.md and the table and checks to
standard output.
"""
import statistics
import sys

rows_path, head_path, out_path, rocket_on, rocket_max = sys.argv[1:6]
issue13 = None
if len(sys.argv) > 6:
    if sys.argv[6] != "--issue13" or len(sys.argv) not in (9, 10, 11):
        sys.exit("usage: report.py ROWS HEAD OUT ROCKETRML ROCKETRML_MAX "
                 "[--issue13 META CHECKS [GROWTH [CURVE]]]")
    issue13 = (sys.argv[7], sys.argv[8],
               sys.argv[9] if len(sys.argv) >= 10 else None,
               sys.argv[10] if len(sys.argv) == 11 else None)
rows = []
for line in open(rows_path, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    label, size, n, usec, rss_kb, status = fields[:6]
    cpu = fields[6] if len(fields) > 6 else ""
    msg = fields[7] if len(fields) > 7 else ""
    fail_usec = fields[8] if len(fields) > 8 else ""
    rows.append(dict(label=label, size=size, n=int(n) if n else None,
                     s=int(usec) / 1e6 if usec else None,
                     rss=int(rss_kb) / 1024 if rss_kb else None,
                     status=status,
                     cpu=int(cpu) / 1e6 if cpu else None,
                     msg=msg,
                     fail_s=int(fail_usec) / 1e6 if fail_usec else None))

# Sizes that are not one of the run's --sizes: issue 13's tiny dataset and
# its RDF/XML and RDF/JSON size (--buffered-size).
meta = {}
checks13_rows = []
if issue13:
    for line in open(issue13[0], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4 and f[1] and f[2]:
            meta[f[0]] = dict(entities=int(f[1]), statements=int(f[2]),
                              kind=f[3],
                              asked=int(f[4]) if len(f) > 4 and f[4] else None)
    for line in open(issue13[1], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4:
            checks13_rows.append(dict(kind=f[0], size=f[1], status=f[2],
                                      detail=f[3]))
extra_sizes = {k for k, v in meta.items() if v["kind"] != "main"}
# The growth phase: what -> dict(small, big, ws, wb, cs, cb, status), wall
# and CPU seconds per round at each size.
growth_rows = {}
if issue13 and issue13[2]:
    def secs(field):
        return [int(x) / 1e6 for x in field.split(",") if x]
    for line in open(issue13[2], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 8:
            growth_rows[f[0]] = dict(small=f[1], big=f[2], ws=secs(f[3]),
                                     wb=secs(f[4]), cs=secs(f[5]),
                                     cb=secs(f[6]), status=f[7],
                                     us=secs(f[8]) if len(f) > 8 else [],
                                     ub=secs(f[9]) if len(f) > 9 else [],
                                     i_s=int(f[10]) if len(f) > 10 and f[10]
                                     else None,
                                     ib=int(f[11]) if len(f) > 11 and f[11]
                                     else None)
# The growth phase at every size: what -> [(size, wall seconds per round)],
# smallest size first.
curve_rows = {}
if issue13 and issue13[3]:
    for line in open(issue13[3], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[2]:
            curve_rows.setdefault(f[0], []).append(
                (f[1], [int(x) / 1e6 for x in f[2].split(",") if x]))


def tps(r):
    return r["n"] / r["s"] if r and r["n"] and r["s"] else None


def find(size, label):
    for r in rows:
        if r["size"] == size and r["label"] == label:
            return r
    return None


def fmt_of(label):
    """The entente export row a tool's row is compared with."""
    if label.endswith("> /dev/null"):
        return label[label.index("-f ") + 3:]
    for f in ("ntriples", "nquads", "turtle", "rdfxml", "rdfjson", "trig",
              "jsonld"):
        if label.endswith("-f " + f):
            return f
    if label.startswith(("serdi", "rapper")):
        if "->ttl" in label:
            return "turtle"
        if "->trig" in label:
            return "trig"
        if label.startswith("rapper parse"):
            return None
    if label.startswith(("serdi", "rapper", "rdflib", "RocketRML")):
        return "ntriples"
    return None


def export_label(f):
    return "entente export -f " + f


lines = ["| tool | size | triples | seconds | CPU s | triples/s | peak RSS MB | entente ÷ tool |",
         "|---|---|--:|--:|--:|--:|--:|--:|"]
failed = []
for r in rows:
    ratio = ""
    f = fmt_of(r["label"])
    if f and not r["label"].startswith("entente"):
        e = tps(find(r["size"], export_label(f)))
        t = tps(r)
        if e and t:
            ratio = "%.2f" % (e / t)
    if r["status"] != "ok":
        if r["fail_s"] is None:
            lines.append("| %s | %s | | %s | | | | |" % (r["label"], r["size"],
                                                       r["status"]))
        else:
            lines.append("| %s | %s | | %s after %.3f s | | | %s | |" % (
                r["label"], r["size"], r["status"], r["fail_s"],
                "%.1f" % r["rss"] if r["rss"] else ""))
            failed.append("- %s, %s: %s after %.3f s; stderr: %s" % (
                r["label"], r["size"], r["status"], r["fail_s"],
                r["msg"] or "(nothing but warnings)"))
        continue
    lines.append("| %s | %s | %d | %.3f | %s | %s | %.1f | %s |" % (
        r["label"], r["size"], r["n"], r["s"],
        "%.3f" % r["cpu"] if r["cpu"] is not None else "",
        "{:,.0f}".format(tps(r)), r["rss"], ratio))

checks = []


def check(ok, text, judged=True):
    if judged:
        checks.append("%s %s" % ("PASS" if ok else "FAIL", text))
    else:
        checks.append("NOTE %s (%s)" % (text, "met" if ok else "not met"))


# The throughput targets are judged at corpus scale, from 1M triples:
# below, fixed costs (starting a process, loading an ontology or a Python
# library) weigh on every tool's triples per second, differently.  Only
# RocketRML, which is too slow to run there, is judged where it runs.
CORPUS_SCALE = 900_000


sizes = []
for r in rows:
    if r["size"] not in sizes and r["size"] not in extra_sizes:
        sizes.append(r["size"])
for size in sizes:
    e = find(size, "entente export -f ntriples")
    et = tps(e)
    if not et:
        checks.append("SKIP %s: no entente N-Triples measurement" % size)
        continue
    judged = e["n"] >= CORPUS_SCALE
    c = tps(find(size, "ceiling -f ntriples"))
    if c:
        check(et >= 0.8 * c, "%s: XML->N-Triples %.0f triples/s = %.2fx the "
              "raptor2 N-Triples ceiling %.0f/s (target >= 0.8x)"
              % (size, et, et / c, c), judged)
    lean = tps(find(size, "ceiling --lean -f ntriples"))
    if lean:
        checks.append("NOTE %s: %.2fx the lean ceiling %.0f/s (raptor2 "
                      "called as entente calls it: no URI interning, "
                      "borrowed literals)" % (size, et / lean, lean))
    # entente's default writes N-Triples in two threads (--threads): the
    # same ratios in one thread, and in CPU time, for the whole picture.
    one = find(size, "entente export -f ntriples --threads 1")
    cref = find(size, "ceiling -f ntriples")
    rd_row = find(size, "rdflib map XML->nt (same mapping)")
    rp_row = find(size, "rapper nt->nt (entente's output)")
    if tps(one):
        parts = ["%.0f/s" % tps(one)]
        for name, row in (("the ceiling", cref), ("rapper", rp_row),
                          ("rdflib's mapping", rd_row)):
            if tps(row):
                parts.append("%.2fx %s" % (tps(one) / tps(row), name))
        checks.append("NOTE %s: in one thread (--threads 1): %s"
                      % (size, ", ".join(parts)))
    if e.get("cpu") and cref and cref.get("cpu") and cref.get("n"):
        per_e = e["cpu"] / e["n"]
        per_c = cref["cpu"] / cref["n"]
        checks.append("NOTE %s: CPU time (every thread) entente %.2f s, the "
                      "ceiling %.2f s: entente's CPU time per triple is "
                      "%.2fx the ceiling's" % (size, e["cpu"], cref["cpu"],
                                               per_e / per_c))
    rp = tps(find(size, "rapper nt->nt (entente's output)"))
    if rp:
        check(et >= rp, "%s: XML->N-Triples %.0f/s = %.2fx rapper -i ntriples "
              "-o ntriples %.0f/s (target >= 1x)" % (size, et, et / rp, rp),
              judged)
    rd = tps(find(size, "rdflib map XML->nt (same mapping)"))
    if rd:
        check(et >= 15 * rd, "%s: %.2fx rdflib doing the same mapping "
              "(%.0f/s; target >= 15x)" % (size, et / rd, rd), judged)
    rk = [r for r in rows if r["size"] == size and
          r["label"].startswith("RocketRML") and tps(r)]
    for r in rk:
        check(et >= 10 * tps(r), "%s: %.2fx %s (%.0f/s of its own triples; "
              "target >= 10x)" % (size, et / tps(r), r["label"], tps(r)))
    if not rk:
        checks.append("SKIP %s: RocketRML not run %s" % (
            size, "above --rocketrml-max %s" % rocket_max
            if rocket_on == "1" else "(--with-rocketrml)"))
    for r in rows:
        if (r["size"] == size and r["label"].startswith("rdflib map") and
                r["n"] and r["n"] != e["n"]):
            checks.append("NOTE %s: the rdflib mapping gave %d triples, "
                          "entente %d: the mappings differ (check with "
                          "rdflib_bench.py compare)" % (size, r["n"], e["n"]))

big = [find(s, "entente export -f ntriples") for s in sizes]
big = [r for r in big if r and r["n"] and r["status"] == "ok"]
at10m = [r for r in big if r["n"] >= 9_000_000]
if at10m:
    r = at10m[-1]
    check(r["rss"] < 256, "%s: peak RSS of the N-Triples export %.0f MB "
          "(target < 256 MB)" % (r["size"], r["rss"]))
elif big:
    big_sorted = sorted(big, key=lambda x: x["n"])
    r = big_sorted[-1]
    note = ""
    if len(big_sorted) >= 2 and big_sorted[-2]["n"] >= 50_000:
        a = big_sorted[-2]
        slope = (r["rss"] - a["rss"]) / (r["n"] - a["n"])  # MB per triple
        note = ("; growing %.0f bytes per triple from %s to %s, a straight "
                "line gives ~%.0f MB at 10M (extrapolated, not measured)" % (
                    slope * 1048576, a["size"], r["size"],
                    r["rss"] + slope * (10_000_000 - r["n"])))
    checks.append("SKIP RSS at 10M: not run (add 10M to --sizes); the "
                  "N-Triples export peaked at %.0f MB at %s%s"
                  % (r["rss"], r["size"], note))

def growth(label):
    runs = [find(s, label) for s in sizes]
    runs = [r for r in runs if r and r["n"] and r["s"] and r["status"] == "ok"]
    runs.sort(key=lambda x: x["n"])
    return [(a, b) for a, b in zip(runs, runs[1:]) if b["n"] / a["n"] >= 5]


# Growth is checked on what entente computes (stdout to /dev/null): writing
# gigabytes to a file grows faster than the bytes on this machine, for
# raptor2 alone as much as for entente (see the NOTEs).  Without that row,
# on the file export.
nul = "entente export -f ntriples > /dev/null"
steps = growth(nul) or growth("entente export -f ntriples")
for a, b in steps:
    grow_n = b["n"] / a["n"]
    grow_t = b["s"] / a["s"]
    check(grow_t <= 1.1 * grow_n, "%s -> %s: time x%.2f for x%.2f triples "
          "(%s; target <= 1.1 x the size ratio, i.e. <= 11x for 10x)"
          % (a["size"], b["size"], grow_t, grow_n, a["label"]))
if not steps:
    checks.append("SKIP growth: no two sizes 5x or more apart")
checked = steps[0][0]["label"] if steps else None
for label in ("entente export -f ntriples", "ceiling -f ntriples",
              "ceiling -f ntriples > /dev/null"):
    if label == checked:
        continue
    for a, b in growth(label):
        checks.append("NOTE %s -> %s: %s: time x%.2f for x%.2f triples"
                      % (a["size"], b["size"], label, b["s"] / a["s"],
                         b["n"] / a["n"]))

for size in sizes:
    j1 = find(size, "entente -j 1, 4 files -> N-Quads")
    j2 = find(size, "entente -j 2, 4 files -> N-Quads")
    same = find(size, "parallel outputs")
    if j1 and j2 and j1["s"] and j2["s"]:
        check(j2["s"] < j1["s"] and same and same["status"] == "identical",
              "%s in 4 files: -j 2 %.2f s, -j 1 %.2f s (x%.2f faster), "
              "outputs %s (target: faster, identical bytes)"
              % (size, j2["s"], j1["s"], j1["s"] / j2["s"],
                 same["status"] if same else "not compared"))

# ---- Issue 13 ---------------------------------------------------------------
# Streamed Turtle and TriG against entente's N-Triples and rapper; memory
# beyond the entity index; growth of every format; the parse-back checks.
STREAMED = ("ntriples", "nquads", "turtle", "trig", "jsonld")
NAMES = dict(ntriples="N-Triples", nquads="N-Quads", turtle="Turtle",
             trig="TriG", jsonld="JSON-LD", rdfxml="RDF/XML",
             rdfjson="RDF/JSON", dot="DOT", svg="SVG")
# Diagrams with the default cap: at most this many seconds for a dataset of
# up to this many entities (as tests/bench/gen counts them).
DIAGRAM_TARGETS = ((200_000, 10), (1_000_000, 60))
INDEX_BYTES = 48          # the reference index: bytes per entity
INDEX_JUDGED_MB = 1       # smaller indexes are within RSS noise
BEYOND_MB = 64            # streamed formats: peak RSS beyond the index
BUFFERED_LIMIT = 2_000_000
MiB = 1048576
checks13 = []
table13 = []


def target13(ok, text, judged=True):
    if judged:
        checks13.append("%s %s" % ("MET    " if ok else "NOT MET", text))
    else:
        checks13.append("NOTE    %s (%s)" % (text, "met" if ok else "not met"))


def note13(text):
    checks13.append("NOTE    " + text)


def skip13(text):
    checks13.append("SKIP    " + text)


def fmt_s(r):
    return "%.2f s, %.0f MB" % (r["s"], r["rss"]) if r and r["s"] else "?"


if issue13:
    main = sorted((k for k, v in meta.items() if v["kind"] == "main"),
                  key=lambda k: meta[k]["statements"])
    tiny_nt = find("tiny", "entente export -f ntriples")
    tiny_rss = tiny_nt["rss"] if tiny_nt and tiny_nt["status"] == "ok" else None
    tiny_one = find("tiny", "entente export -f ntriples --threads 1")
    tiny_one_rss = (tiny_one["rss"] if tiny_one and tiny_one["status"] == "ok"
                    else None)

    # 1. Throughput
    for size in main:
        judged = meta[size]["statements"] >= CORPUS_SCALE
        nt = find(size, "entente export -f ntriples")
        tnt = tps(nt)
        for f, ref_label, ref_cmd in (
                ("turtle", "rapper nt->ttl (entente's N-Triples)",
                 "rapper -i ntriples -o turtle"),
                ("trig", "rapper nq->trig (entente's N-Quads)",
                 "rapper -i nquads -o trig")):
            r = find(size, "entente export -f " + f)
            t = tps(r)
            if not t or not tnt:
                skip13("%s: %s: no measurement (%s)" % (
                    size, NAMES[f], r["status"] if r else "not run"))
                continue
            target13(t >= 0.8 * tnt, "%s: %s %.0f statements/s (%s) = %.2fx "
                     "entente's N-Triples %.0f/s (%s) (target >= 0.8x)"
                     % (size, NAMES[f], t, fmt_s(r), t / tnt, tnt, fmt_s(nt)),
                     judged)
            ref = find(size, ref_label)
            if ref and ref["status"] == "ok" and tps(ref):
                target13(t >= 3 * tps(ref), "%s: %s = %.2fx `%s` of entente's "
                         "output, %.0f statements/s (%s) (target >= 3x)"
                         % (size, NAMES[f], t / tps(ref), ref_cmd, tps(ref),
                            fmt_s(ref)), judged)
            elif ref and ref["status"] == "timeout" and ref["fail_s"]:
                bound = t / (meta[size]["statements"] / ref["fail_s"])
                if bound >= 3:
                    target13(True, "%s: %s >= %.2fx `%s` (rapper timed out "
                             "after %.0f s; target >= 3x)"
                             % (size, NAMES[f], bound, ref_cmd, ref["fail_s"]),
                             judged)
                else:
                    skip13("%s: %s against `%s`: rapper timed out after %.0f "
                           "s, so entente is at least %.2fx: not decided"
                           % (size, NAMES[f], ref_cmd, ref["fail_s"], bound))
            elif ref:
                skip13("%s: %s against `%s`: rapper %s: %s" % (
                    size, NAMES[f], ref_cmd, ref["status"], ref["msg"]))
            else:
                why = [c["detail"] for c in checks13_rows
                       if c["size"] == size and c["kind"].startswith("rapper")]
                skip13("%s: %s against `%s`: %s" % (
                    size, NAMES[f], ref_cmd, why[0] if why else "not run"))
            sd_label = ("serdi nt->ttl (entente's N-Triples)" if f == "turtle"
                        else "serdi nq->trig (entente's N-Quads)")
            sd = find(size, sd_label)
            if tps(sd):
                note13("%s: %s = %.2fx `serdi -i %s -o %s` of entente's "
                       "output, %.0f statements/s (%s) (reference)"
                       % (size, NAMES[f], t / tps(sd),
                          "ntriples" if f == "turtle" else "nquads", f,
                          tps(sd), fmt_s(sd)))
            dn = tps(find(size, "entente export -f %s > /dev/null" % f))
            dnt = tps(find(size, "entente export -f ntriples > /dev/null"))
            if dn and dnt:
                note13("%s: to /dev/null: %s %.0f/s = %.2fx N-Triples %.0f/s"
                       % (size, NAMES[f], dn, dn / dnt, dnt))

    # 2. Memory
    if tiny_rss is None:
        skip13("memory: no tiny-dataset N-Triples export (the baseline)")
    else:
        t_ent = meta.get("tiny", {}).get("entities")
        note13("baseline: the tiny dataset (%s entities) exports to "
               "N-Triples in %.1f MB peak RSS (N-Quads %s, Turtle %s, TriG %s, "
               "JSON-LD %s)"
               % (t_ent, tiny_rss, *[
                   "%.1f MB" % find("tiny", "entente export -f " + f)["rss"]
                   if find("tiny", "entente export -f " + f) else "?"
                   for f in ("nquads", "turtle", "trig", "jsonld")]))
    for size in main:
        ent = meta[size]["entities"]
        nt = find(size, "entente export -f ntriples")
        got = {f: find(size, "entente export -f " + f) for f in STREAMED}
        note13("%s: %d entities, %d statements; peak RSS: %s" % (
            size, ent, meta[size]["statements"], ", ".join(
                "%s %.1f MB" % (NAMES[f], got[f]["rss"])
                if got[f] and got[f]["status"] == "ok" else
                "%s ?" % NAMES[f] for f in STREAMED)))
        est = None
        if tiny_rss is not None and nt and nt["status"] == "ok":
            est = nt["rss"] - tiny_rss
            bpe = est * MiB / ent
            # Peak RSS moves by a few hundred KB from run to run (pages a
            # buffer happens to touch): an index smaller than a megabyte
            # is lost in that, so it is shown, not judged.
            judged = ent * INDEX_BYTES >= INDEX_JUDGED_MB * MiB
            target13(bpe <= INDEX_BYTES, "%s: index estimate: (N-Triples "
                     "export %.1f MB - tiny dataset's %.1f MB) / %d entities "
                     "= %.0f bytes per entity (target <= %d)%s"
                     % (size, nt["rss"], tiny_rss, ent, bpe, INDEX_BYTES,
                        "" if judged else
                        "; not judged: %d B x %d entities is under %d MB, "
                        "within the run-to-run noise of peak RSS"
                        % (INDEX_BYTES, ent, INDEX_JUDGED_MB)),
                     judged)
        one = find(size, "entente export -f ntriples --threads 1")
        if tiny_one_rss is not None and one and one["status"] == "ok":
            note13("%s: index estimate in one thread (--threads 1: without "
                   "the writer thread's batches, which grow to a working size "
                   "the tiny dataset never reaches): (%.1f MB - tiny "
                   "dataset's %.1f MB) / %d entities = %.0f bytes per entity"
                   % (size, one["rss"], tiny_one_rss, ent,
                      (one["rss"] - tiny_one_rss) * MiB / ent))
        ref_mb = INDEX_BYTES * ent / MiB
        for f in STREAMED:
            r = got[f]
            if not r or r["status"] != "ok":
                skip13("%s: %s: no RSS (%s)" % (size, NAMES[f],
                                                r["status"] if r else "not run"))
                continue
            target13(r["rss"] - ref_mb < BEYOND_MB,
                     "%s: %s peak RSS %.1f MB = %.1f MB beyond the reference "
                     "index (%d B x %d entities = %.1f MB) (target < %d MB)"
                     % (size, NAMES[f], r["rss"], r["rss"] - ref_mb,
                        INDEX_BYTES, ent, ref_mb, BEYOND_MB))
            if est is not None:
                note13("%s: %s peak RSS %.1f MB = %.1f MB beyond the measured "
                       "index estimate (%.1f MB): the process and the writer"
                       % (size, NAMES[f], r["rss"], r["rss"] - est, est))
    if len(main) >= 2:
        a, b = main[-2], main[-1]
        na, nb = meta[a]["statements"], meta[b]["statements"]
        for f in STREAMED:
            ra = find(a, "entente export -f " + f)
            rb = find(b, "entente export -f " + f)
            if not (ra and rb and ra["rss"] and rb["rss"] and nb > na):
                continue
            slope = (rb["rss"] - ra["rss"]) / (nb - na)
            at30 = rb["rss"] + slope * (30_000_000 - nb)
            target13(at30 < 256, "30M (EXTRAPOLATED linearly from %s and %s, "
                     "not measured): %s ~%.0f MB (%.1f bytes per statement "
                     "from %s to %s) (target < 256 MB)"
                     % (a, b, NAMES[f], at30, slope * MiB, a, b))
    else:
        skip13("30M extrapolation: needs two sizes (e.g. --sizes 1M,10M)")

    # 3. Growth
    def alternated(what, name, judged):
        """Judge (or note) the growth phase's rounds for `what`; False if
        the phase did not measure it."""
        g = growth_rows.get(what)
        if not g or g["small"] not in meta or g["big"] not in meta:
            return False
        na, nb = meta[g["small"]]["statements"], meta[g["big"]]["statements"]
        gn = nb / na
        if g["status"] != "ok":
            target13(False, "%s -> %s: %s in the growth phase failed: %s"
                     % (g["small"], g["big"], name, g["status"]), judged)
            return True
        ratios = [b / a for a, b in zip(g["ws"], g["wb"]) if a]
        if not ratios or not min(g["ws"]):
            return False
        to = "" if what == "validate" else " to /dev/null"
        # Judged on the fastest run at each size: another process or the
        # host can only add time to a run, never take it away, so the
        # fastest is the one closest to the work itself; the rounds'
        # ratios (their median too) are shown beside it.
        best = min(g["wb"]) / min(g["ws"])
        mid = statistics.median(ratios)
        cpu = [b / a for a, b in zip(g["cs"], g["cb"]) if a]
        target13(best <= 1.1 * gn,
                 "%s -> %s: %s%s, the sizes in alternation: time x%.2f for "
                 "x%.2f statements (fastest of %d runs at each size: %.2f s "
                 "-> %.2f s; round by round %s, median x%.2f; CPU time %s; "
                 "target <= 1.1x the size ratio, <= 11x for 10x)"
                 % (g["small"], g["big"], name,
                    to,
                    best, gn, len(ratios), min(g["ws"]), min(g["wb"]),
                    ", ".join("%.2f -> %.2f s x%.2f" % (a, b, b / a)
                              for a, b in zip(g["ws"], g["wb"]) if a),
                    mid, "/".join("x%.2f" % r for r in cpu)), judged)
        # The program's own work: user CPU time leaves out the kernel's
        # page faults, whose cost here is the host's (docs/performance.md:
        # memory the host took back costs 0.7 to 2.3 s a GB to touch again,
        # and a small run in alternation reuses what a big one freed).
        if g["us"] and g["ub"] and min(g["us"]) > 0:
            ubest = min(g["ub"]) / min(g["us"])
            target13(ubest <= 1.1 * gn,
                     "%s -> %s: %s%s, user CPU time (the program's own work, "
                     "the kernel's page faults left out): x%.2f for x%.2f "
                     "statements (least of %d runs at each size: %.2f s -> "
                     "%.2f s; round by round %s; target <= 1.1x the size "
                     "ratio)"
                     % (g["small"], g["big"], name,
                        to,
                        ubest, gn, len(g["ub"]), min(g["us"]), min(g["ub"]),
                        ", ".join("x%.2f" % (b / a)
                                  for a, b in zip(g["us"], g["ub"]) if a)),
                     judged)
        # The work itself: instructions neither the machine's load nor
        # its caches change, so a step that grows faster than the input
        # shows here however noisy the times are.  Judged beside the time
        # (which stays the target), not instead of it.
        if g["i_s"] and g["ib"]:
            ig = g["ib"] / g["i_s"]
            target13(ig <= 1.1 * gn,
                     "%s -> %s: %s%s, instructions executed (valgrind "
                     "cachegrind, one run at each size; the work, which "
                     "the machine's load and its caches do not change): "
                     "x%.3f for x%.2f statements (%.3f G -> %.3f G; "
                     "target: no step quadratic, <= 1.1x the size ratio)"
                     % (g["small"], g["big"], name,
                        to,
                        ig, gn, g["i_s"] / 1e9, g["ib"] / 1e9), judged)
        curve(what, name)
        return True

    def curve(what, name):
        """Note the time a statement takes at each size of the growth
        phase (fastest run): quadratic work makes it grow as fast as the
        input; a working set outgrowing the caches, by some percent a
        step."""
        points = [(size, min(t) * 1e6 / meta[size]["statements"])
                  for size, t in curve_rows.get(what, [])
                  if t and size in meta and meta[size]["statements"]]
        if len(points) < 3:
            return
        steps = ["%s %.3f" % points[0]]
        for (a, ta), (b, tb) in zip(points, points[1:]):
            steps.append("%s %.3f (x%.2f for x%.2f statements)"
                         % (b, tb, tb / ta, meta[b]["statements"] /
                            meta[a]["statements"]))
        note13("%s: microseconds a statement, fastest of the growth phase's "
               "runs at each size: %s" % (name, "; ".join(steps)))

    # Not a format, but the load every in-memory format starts with.
    alternated("validate", "entente validate (not a format: the load "
               "JSON-LD and the diagrams start with)", False)
    grow_sizes = sorted((k for k, v in meta.items()
                         if v["kind"] in ("main", "buffered")),
                        key=lambda k: meta[k]["statements"])
    for f in ("ntriples", "nquads", "turtle", "trig", "jsonld", "rdfxml",
              "rdfjson", "dot", "svg"):
        label = "entente export -f " + f
        # With the growth phase, the rows below (the sizes measured minutes
        # apart) are notes beside it.
        judged = not alternated(f, NAMES[f], True)
        ok_runs = []
        # Diagrams: on the --sizes datasets only (the diagram datasets are
        # judged on their own below).
        for size in (main if f in ("dot", "svg") else grow_sizes):
            r = find(size, label)
            if not r:
                continue
            stm = meta[size]["statements"]
            if f in ("rdfxml", "rdfjson") and stm > BUFFERED_LIMIT:
                refused = r["status"] == "exit 74"
                target13(refused, "%s: %s at %d statements, past the %d "
                         "limit: %s%s; stderr: %s (target: refused, exit 74)"
                         % (size, NAMES[f], stm, BUFFERED_LIMIT, r["status"],
                            " after %.2f s, %.0f MB" % (r["fail_s"], r["rss"])
                            if r["fail_s"] is not None else
                            " (%s)" % fmt_s(r),
                            r["msg"] or "-"))
                continue
            if r["status"] == "ok" and r["s"]:
                ok_runs.append((size, stm, r))
            else:
                target13(False, "%s: %s failed: %s; stderr: %s"
                         % (size, NAMES[f], r["status"], r["msg"] or "-"))
        steps = [(x, y) for x, y in zip(ok_runs, ok_runs[1:])
                 if y[1] / x[1] >= 1.5]
        # A streamed format's growth is judged on what entente computes
        # (stdout to /dev/null), as issue 6's is: the export to a file
        # ends when the disk has the bytes (entente syncs before the
        # rename), and this machine's disk writes ten times the bytes in
        # more than ten times the time (the storage NOTE shows it).  The
        # file rows' growth stays beside it as a NOTE.
        nul_runs = {}
        if f in STREAMED:
            for s_, n_, r_ in ok_runs:
                rn = find(s_, "entente export -f %s > /dev/null" % f)
                if rn and rn["status"] == "ok" and rn["s"]:
                    nul_runs[s_] = rn
        for (sa, na, ra), (sb, nb, rb) in steps:
            gn, gt = nb / na, rb["s"] / ra["s"]
            if sa in nul_runs and sb in nul_runs:
                na_, nb_ = nul_runs[sa], nul_runs[sb]
                gd = nb_["s"] / na_["s"]
                target13(gd <= 1.1 * gn, "%s -> %s: %s to /dev/null time "
                         "x%.2f for x%.2f statements (%.2f s -> %.2f s; "
                         "target <= 1.1x the size ratio, <= 11x for 10x)"
                         % (sa, sb, NAMES[f], gd, gn, na_["s"], nb_["s"]),
                         judged)
                note13("%s -> %s: %s to a file: time x%.2f for x%.2f "
                       "statements (%.2f s -> %.2f s; %s)"
                       % (sa, sb, NAMES[f], gt, gn, ra["s"], rb["s"],
                          "within 1.1x the size ratio" if gt <= 1.1 * gn
                          else "over 1.1x the size ratio: see the storage "
                          "NOTE, where the bench measured it"))
                continue
            target13(gt <= 1.1 * gn, "%s -> %s: %s time x%.2f for x%.2f "
                     "statements (%.2f s -> %.2f s; target <= 1.1x the size "
                     "ratio, <= 11x for 10x)"
                     % (sa, sb, NAMES[f], gt, gn, ra["s"], rb["s"]), judged)
        if not steps and judged:
            why = ""
            if f in ("rdfxml", "rdfjson"):
                buf = [k for k, v in meta.items() if v["kind"] == "buffered"]
                why = (" under its 2,000,000-statement limit (%s)" % (
                    "the --buffered-size dataset, %s, had %d statements"
                    % (buf[0], meta[buf[0]]["statements"]) if buf else
                    "add --buffered-size, e.g. 1.9M"))
            skip13("growth of %s: no two measured sizes 1.5x or more apart%s"
                   % (NAMES[f], why))
        if f in STREAMED and not nul_runs:
            nul = [(s_, meta[s_]["statements"],
                    find(s_, "entente export -f %s > /dev/null" % f))
                   for s_ in main]
            nul = [x for x in nul if x[2] and x[2]["status"] == "ok"]
            for (sa, na, ra), (sb, nb, rb) in zip(nul, nul[1:]):
                if nb / na >= 1.5:
                    note13("%s -> %s: %s to /dev/null: time x%.2f for x%.2f "
                           "statements" % (sa, sb, NAMES[f], rb["s"] / ra["s"],
                                           nb / na))

    disk = "storage: dd of the N-Quads export's size, fsync"
    dd = [(s_, find(s_, disk)) for s_ in grow_sizes]
    dd = [(s_, r_) for s_, r_ in dd if r_ and r_["status"] == "ok" and r_["s"]]
    for (sa, ra), (sb, rb) in zip(dd, dd[1:]):
        na, nb = meta[sa]["statements"], meta[sb]["statements"]
        if nb / na >= 1.5:
            note13("%s -> %s: the disk alone (dd of the N-Quads export's "
                   "size, fsync): time x%.2f for x%.2f statements "
                   "(%.2f s -> %.2f s)" % (sa, sb, rb["s"] / ra["s"], nb / na,
                                           ra["s"], rb["s"]))

    # 4. Diagrams of big corpora, with the default cap
    for size in sorted((k for k, v in meta.items() if v["kind"] == "diagram"),
                       key=lambda k: meta[k]["statements"]):
        m = meta[size]
        asked = m["asked"] or m["entities"]
        limit = next((t for n, t in DIAGRAM_TARGETS if asked <= n), None)
        for f in ("dot", "svg"):
            r = find(size, "entente export -f " + f)
            if not r:
                skip13("%s: %s: not run" % (size, NAMES[f]))
                continue
            what = ("%s (gen %d: %d entities, %d statements): %s with the "
                    "default cap" % (size, asked, m["entities"],
                                     m["statements"], NAMES[f]))
            if r["status"] != "ok":
                target13(False, "%s: %s%s; stderr: %s" % (
                    what, r["status"],
                    " after %.2f s" % r["fail_s"] if r["fail_s"] else "",
                    r["msg"] or "-"))
            elif limit is None:
                note13("%s: %.2f s, %.0f MB (no target past %d entities)"
                       % (what, r["s"], r["rss"], DIAGRAM_TARGETS[-1][0]))
            else:
                target13(r["s"] < limit, "%s: %.2f s, %.0f MB peak RSS "
                         "(target < %d s)" % (what, r["s"], r["rss"], limit))

    # 5. Parse-back checks (made by run)
    for c in checks13_rows:
        if c["kind"].startswith("rapper") and c["status"] == "SKIP":
            continue  # shown with the throughput checks
        checks13.append("%-7s %s: %s: %s" % (c["status"], c["size"], c["kind"],
                                             c["detail"]))

    # Summary table of the streamed formats
    table13 = ["| size | format | seconds | statements/s | ÷ N-Triples | "
               "peak RSS MB | to /dev/null s | rapper s (÷) | serdi s (÷) |",
               "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for size in main:
        tnt = tps(find(size, "entente export -f ntriples"))
        for f in STREAMED + ("rdfxml", "rdfjson"):
            r = find(size, "entente export -f " + f)
            if not r:
                continue
            if r["status"] != "ok":
                table13.append("| %s | %s | %s | | | %s | | | |" % (
                    size, NAMES[f], r["status"],
                    "%.1f" % r["rss"] if r["rss"] else ""))
                continue
            dn = find(size, "entente export -f %s > /dev/null" % f)
            rp = find(size, {"turtle": "rapper nt->ttl (entente's N-Triples)",
                             "trig": "rapper nq->trig (entente's N-Quads)"}
                      .get(f, ""))
            sd = find(size, {"turtle": "serdi nt->ttl (entente's N-Triples)",
                             "trig": "serdi nq->trig (entente's N-Quads)"}
                      .get(f, ""))

            def cell(x):
                if not x:
                    return ""
                if x["status"] != "ok":
                    return x["status"]
                return "%.2f (%.2fx)" % (x["s"], tps(r) / tps(x))
            table13.append("| %s | %s | %.2f | %s | %s | %.1f | %s | %s | %s |"
                           % (size, NAMES[f], r["s"], "{:,.0f}".format(tps(r)),
                              "%.2f" % (tps(r) / tnt) if tnt else "",
                              r["rss"],
                              "%.2f" % dn["s"] if dn and dn["s"] else "",
                              cell(rp), cell(sd)))

text = open(head_path, encoding="utf-8").read()
text += "\n".join(lines) + "\n\n"
text += ("entente ÷ tool: entente's throughput (same size, same output format; "
         "N-Triples for serdi and rapper re-serialising N-Triples, rdflib, "
         "RocketRML; Turtle for `nt->ttl`, TriG for `nq->trig`) divided by "
         "the row's. Above 1: entente is faster.\n\n")
if failed:
    text += ("Failed or refused rows (the first line of stderr that is not a "
             "warning):\n\n" + "\n".join(failed) + "\n\n")
text += "Targets (issue 6):\n\n```\n" + "\n".join(checks) + "\n```\n"
out13 = ""
if issue13:
    out13 = ("\nIssue 13, per format (÷ N-Triples: the format's statements/s "
             "over N-Triples'; rapper and serdi: their time re-serialising "
             "entente's N-Triples to Turtle or N-Quads to TriG, and entente's "
             "throughput over theirs):\n\n" + "\n".join(table13) + "\n\n"
             "Targets (issue 13):\n\n```\n" + "\n".join(checks13) +
             "\n```\n")
    text += out13
with open(out_path, "w", encoding="utf-8") as f:
    f.write(text)
sys.stdout.write("\n".join(lines) + "\n\n" + "\n".join(checks) + "\n" +
                 out13)
