#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bulk loading and shard safety against a real Virtuoso on loopback:
#  - the N-Quads export and its manifest.tsv load with Virtuoso's bulk
#    loader (ld_dir + rdf_loader_run), every file without error, and the
#    statements per graph in the store equal the manifest's;
#  - exporting parts of the corpus (and a dataset outside it) separately
#    and in parallel, then loading the pieces, gives exactly the store
#    contents of loading one export of everything (deterministic IRIs, no
#    blank nodes; each part carries the same corpus graph);
#  - a gzipped N-Quads file (entente's output through gzip) loads the same.
set -euo pipefail
: "${ENTENTE:?run through ctest}"
: "${ENTENTE_SRC:?run through ctest}"
VIRTUOSO="$ENTENTE_SRC/scripts/virtuoso"
CORPUS="$ENTENTE_SRC/data"
SHARED=${ENTENTE_SHARED:-$ENTENTE_SRC/../shared}
ARTICLES="$CORPUS/articles"
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
  isql "delete from DB.DBA.RDF_QUAD where id_to_iri(G) like 'https://w3id.org/entente/%' or id_to_iri(G) like 'https://example.org/%';
checkpoint;" >/dev/null
}

load="$VIRTUOSO_LOAD_DIR"

# 1. N-Quads per article, the corpus graph, and a dataset outside the
# corpus, each with a manifest; bulk load; compare per graph.
mkdir -p "$load/each" "$load/each-features"
"$ENTENTE" export "$CORPUS" --text-dir "$SHARED" -f nquads -O "$load/each"
"$ENTENTE" export "$FEATURES" -w -f nquads -O "$load/each-features"
rows=0
for dir in "$load/each" "$load/each-features"; do
  [ -s "$dir/manifest.tsv" ] || fail "no manifest.tsv beside the N-Quads in $dir"
  (cd "$dir" && grep -v '^#' manifest.tsv | cut -f1,4 | sort -u |
     while IFS=$'\t' read -r file sum; do
       echo "$sum  $file"
     done | sha256sum -c --quiet) || fail "manifest SHA-256 does not match the files"
  bulk_load "$dir" '*.nq'
  while IFS=$'\t' read -r file graph statements sum; do
    case "$file" in '#'*) continue ;; esac
    got=$(count_graph "$graph")
    [ "$got" = "$statements" ] || fail "graph <$graph> from $file: store has $got, manifest says $statements"
    rows=$((rows + 1))
  done <"$dir/manifest.tsv"
done
articles=$(ls "$ARTICLES"/*.xml | wc -l)
[ "$rows" -eq $((articles + 1 + 2)) ] ||
  fail "manifests have $rows rows, want one per article, the corpus graph and 2 for features.xml"
echo "ok: bulk loader took $rows graphs; counts equal the manifests"
dump >"$work/each.dump"

# 2. Shards: parts of the corpus exported alone, in parallel, and the
# dataset outside it; the pieces loaded must equal one export of all.
clear_graphs
mkdir -p "$load/shards" "$load/one"
"$ENTENTE" export "$ARTICLES"/seed-*.xml "$ARTICLES"/tass-*.xml -w -f nquads -o "$load/shards/a.nq" &
pa=$!
"$ENTENTE" export "$ARTICLES"/alahed-*.xml "$ARTICLES"/dailypost-*.xml "$ARTICLES"/orthodoxtimes-*.xml \
  "$ARTICLES"/voiceofasia-*.xml "$ARTICLES"/vov-*.xml "$ARTICLES"/xinhua-*.xml -w -f nquads -o "$load/shards/b.nq" &
pb=$!
"$ENTENTE" export "$FEATURES" -w -f nquads -o "$load/shards/c.nq" &
pc=$!
wait $pa && wait $pb && wait $pc || fail "a parallel export failed"
bulk_load "$load/shards" '*.nq'
dump >"$work/shards.dump"
clear_graphs
"$ENTENTE" export "$CORPUS" -w -f nquads -o "$load/one/corpus.nq"
"$ENTENTE" export "$FEATURES" -w -f nquads -o "$load/one/features.nq"
bulk_load "$load/one" '*.nq'
dump >"$work/one.dump"
[ -s "$work/one.dump" ] || fail "nothing in the store after loading one export"
cmp -s "$work/shards.dump" "$work/one.dump" ||
  { diff "$work/shards.dump" "$work/one.dump" | head; fail "shards and one export give different stores"; }
cmp -s "$work/each.dump" "$work/one.dump" || fail "-O per dataset and -o of all give different stores"
echo "ok: $(wc -l <"$work/one.dump") statements, the same whether exported in shards or at once"

# 3. Gzip through a pipe: Virtuoso's loader reads .nq.gz.
clear_graphs
mkdir -p "$load/gz"
"$ENTENTE" export "$CORPUS" -w -f nquads | gzip -9 >"$load/gz/corpus.nq.gz"
"$ENTENTE" export "$FEATURES" -w -f nquads | gzip -9 >"$load/gz/features.nq.gz"
bulk_load "$load/gz" '*.nq.gz'
dump >"$work/gz.dump"
cmp -s "$work/gz.dump" "$work/one.dump" || fail "the gzipped export loads differently"
echo "ok: gzipped N-Quads load the same"
