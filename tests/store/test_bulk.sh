#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bulk loading and shard safety against a real Virtuoso on loopback:
#  - the N-Quads export and its manifest.tsv load with Virtuoso's bulk
#    loader (ld_dir + rdf_loader_run), every file without error, and the
#    statements per graph in the store equal the manifest's;
#  - exporting two datasets separately and in parallel, then loading the
#    pieces, gives exactly the store contents of loading one export of
#    both (deterministic IRIs, no blank nodes);
#  - a gzipped N-Quads file (entente's output through gzip) loads the same.
set -euo pipefail
: "${ENTENTE:?run through ctest}"
: "${ENTENTE_SRC:?run through ctest}"
VIRTUOSO="$ENTENTE_SRC/scripts/virtuoso"
RIYADH="$ENTENTE_SRC/data/riyadh-talks-2025-03.xml"
FEATURES="$ENTENTE_SRC/tests/good/features.xml"
export NO_PROXY="127.0.0.1,localhost" no_proxy="127.0.0.1,localhost"
work=$(mktemp -d "${TMPDIR:-/tmp}/entente-bulk.XXXXXX")
cleanup() {
  "$VIRTUOSO" stop "$work/virtuoso" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() { echo "FAIL: $*" >&2; exit 1; }

"$VIRTUOSO" start "$work/virtuoso" --owner $$ >"$work/instance.env"
# shellcheck disable=SC1091
. "$work/instance.env"
isql() { "$VIRTUOSO" isql "$work/virtuoso" "$@"; }

# Every statement in the store, one per line, sorted: graph, subject,
# predicate, object (as Virtuoso writes them in CSV).
dump() {
  curl -sS --fail --max-time 60 -G "$VIRTUOSO_SPARQL" -H 'Accept: text/csv' \
    --data-urlencode 'query=SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/entente/") || STRSTARTS(STR(?g), "https://example.org/")) }' |
    tail -n +2 | LC_ALL=C sort
}
count_graph() {
  curl -sS --fail --max-time 60 -G "$VIRTUOSO_SPARQL" -H 'Accept: text/csv' \
    --data-urlencode "query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }" |
    tail -n 1 | tr -d '"\r'
}
# Load DIR's files matching PATTERN with the bulk loader; fail on any
# file the loader did not load cleanly.
bulk_load() {
  local dir=$1 pattern=$2
  isql "delete from DB.DBA.LOAD_LIST;
ld_dir('$dir', '$pattern', 'https://w3id.org/entente/fallback');
rdf_loader_run();
checkpoint;" >/dev/null
  local bad
  bad=$(isql "select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_state <> 2 or ll_error is not null;")
  if echo "$bad" | grep -q "$dir"; then
    fail "bulk loader reported: $bad"
  fi
}
clear_graphs() {
  isql "delete from DB.DBA.RDF_QUAD where G in (select iri_to_id(ll_graph) from DB.DBA.LOAD_LIST);
sparql clear graph <https://w3id.org/entente/id/source/riyadh-talks-article>;
sparql clear graph <https://example.org/kg#source/wire>;
sparql clear graph <https://example.org/kg#source/paper-report>;
checkpoint;" >/dev/null
}

load="$VIRTUOSO_LOAD_DIR"

# 1. N-Quads per dataset with a manifest; bulk load; compare per graph.
mkdir -p "$load/each"
"$ENTENTE" export "$RIYADH" "$FEATURES" -f nquads -O "$load/each"
[ -s "$load/each/manifest.tsv" ] || fail "no manifest.tsv beside the N-Quads"
(cd "$load/each" && grep -v '^#' manifest.tsv | cut -f1,4 | sort -u |
   while IFS=$'\t' read -r file sum; do
     echo "$sum  $file"
   done | sha256sum -c --quiet) || fail "manifest SHA-256 does not match the files"
bulk_load "$load/each" '*.nq'
rows=0
while IFS=$'\t' read -r file graph statements sum; do
  case "$file" in '#'*) continue ;; esac
  got=$(count_graph "$graph")
  [ "$got" = "$statements" ] || fail "graph <$graph> from $file: store has $got, manifest says $statements"
  rows=$((rows + 1))
done <"$load/each/manifest.tsv"
[ "$rows" -ge 3 ] || fail "manifest has $rows rows, expected a row per source graph (3)"
echo "ok: bulk loader took $rows graphs; counts equal the manifest"
dump >"$work/each.dump"

# 2. Shards: each dataset exported alone, both at once in parallel; the
# pieces loaded must equal one export of both.
clear_graphs
mkdir -p "$load/shards" "$load/one"
"$ENTENTE" export "$RIYADH" -f nquads -o "$load/shards/a.nq" &
pa=$!
"$ENTENTE" export "$FEATURES" -f nquads -o "$load/shards/b.nq" &
pb=$!
wait $pa && wait $pb || fail "a parallel export failed"
bulk_load "$load/shards" '*.nq'
dump >"$work/shards.dump"
clear_graphs
"$ENTENTE" export "$RIYADH" "$FEATURES" -f nquads -o "$load/one/all.nq"
bulk_load "$load/one" '*.nq'
dump >"$work/one.dump"
[ -s "$work/one.dump" ] || fail "nothing in the store after loading one export"
cmp -s "$work/shards.dump" "$work/one.dump" ||
  { diff "$work/shards.dump" "$work/one.dump" | head; fail "shards and one export give different stores"; }
cmp -s "$work/each.dump" "$work/one.dump" || fail "-O per dataset and -o of both give different stores"
echo "ok: $(wc -l <"$work/one.dump") statements, the same whether exported in shards or at once"

# 3. Gzip through a pipe: Virtuoso's loader reads .nq.gz.
clear_graphs
mkdir -p "$load/gz"
"$ENTENTE" export "$RIYADH" "$FEATURES" -f nquads | gzip -9 >"$load/gz/all.nq.gz"
bulk_load "$load/gz" '*.nq.gz'
dump >"$work/gz.dump"
cmp -s "$work/gz.dump" "$work/one.dump" || fail "the gzipped export loads differently"
echo "ok: gzipped N-Quads load the same"
