#!/usr/bin/env bash
# out/ is committed so readers can see the exports: it must be exactly what
# the current code makes from data/, file for file (out/graphs/ included).
# Run scripts/run to refresh it.
set -euo pipefail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$ENTENTE_SRC/scripts/export-data" "$ENTENTE" "$tmp/out"
if ! diff -r -q "$ENTENTE_SRC/out" "$tmp/out" >"$tmp/diff"; then
  echo "out/ is stale: run scripts/run and commit out/" >&2
  cat "$tmp/diff" >&2
  for f in $(sed -n 's/^Files \(.*\) and .* differ$/\1/p' "$tmp/diff" | head -3); do
    diff -u "$f" "$tmp/out/${f#"$ENTENTE_SRC/out/"}" | head -20 >&2 || true
  done
  exit 1
fi
# README's Turtle of Karasin is the file's own block, as written.
python3 - "$ENTENTE_SRC/README.md" "$ENTENTE_SRC/out/riyadh-march-2025.ttl" <<'PY' || exit 1
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```turtle\n(official:karasin\n.*?)```", readme, re.S)
ttl = open(sys.argv[2], encoding="utf-8").read()
if not block or block.group(1) not in ttl:
    sys.exit("README's Turtle of official:karasin is not out/riyadh-march-2025.ttl's: paste the block again")
PY
# And its TriG of Karasin in TASS's graph is that graph's own block.
python3 - "$ENTENTE_SRC/README.md" "$ENTENTE_SRC/out/riyadh-march-2025.trig" <<'PY' || exit 1
import re, sys
readme = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```trig\n(<[^>\n]*> \{)\n\.\.\.\n(official:karasin\n.*?)\n\.\.\.\n\}\n```", readme, re.S)
trig = open(sys.argv[2], encoding="utf-8").read()
graph = trig.find(block.group(1) + "\n") if block else -1
end = trig.find("\n}\n", graph)
if graph < 0 or block.group(2) + "\n" not in trig[graph:end]:
    sys.exit("README's TriG of official:karasin is not that graph's block in out/riyadh-march-2025.trig: paste the block again")
PY
# docs/stores.md's and README's push --dry-run of data/ count what
# out/graphs/ holds,
# and README's and docs/format.md's validate line what validate says.
python3 - "$ENTENTE_SRC/out/graphs/manifest.tsv" "$ENTENTE_SRC/docs/stores.md" "$ENTENTE_SRC/README.md" <<'PY' || exit 1
import re, sys
counts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith("#"):
        f = line.rstrip("\n").split("\t")
        counts[f[1]] = f[2]
for doc in sys.argv[2:]:
    said = dict(re.findall(r"would replace graph <([^>]+)> with (\d+) triples",
                           open(doc, encoding="utf-8").read()))
    if said != counts:
        sys.exit("%s's push --dry-run says %s; out/graphs/manifest.tsv "
                 "counts %s: paste the dry run again" % (doc, said, counts))
PY
line=$("$ENTENTE" validate "$ENTENTE_SRC/data" 2>/dev/null | tail -1)
for doc in README.md docs/format.md; do
  grep -qF "$line" "$ENTENTE_SRC/$doc" ||
    { echo "$doc does not show validate's last line: $line" >&2; exit 1; }
done
echo "out/ is current ($(find "$tmp/out" -type f | wc -l) files)"
