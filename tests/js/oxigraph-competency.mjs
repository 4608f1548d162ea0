// SPDX-License-Identifier: MIT
// Answer the corpus competency questions with Oxigraph, in process.
//
//   node oxigraph-competency.mjs EXPORT.nq COMPETENCY-DIR
//
// Loads the N-Quads export into an in-memory Oxigraph store (each source's
// claims in its own named graph, as exported), puts the RDF merge of all
// graphs into the default graph (each triple once, however many sources
// state it: what rdflib's ConjunctiveGraph gives
// tests/sparql/test_competency.py, where the questions come from), and
// runs every NAME.rq of COMPETENCY-DIR: GRAPH ?g says which source makes a
// claim, a pattern outside GRAPH matches the whole corpus.  (Oxigraph's
// use_default_graph_as_union option is not used: it matches a triple once
// per graph that holds it, so a post seven sources report would answer
// seven times.)  The answer
// must be exactly NAME.tsv: a header of the variables, then one row per
// solution (order free, duplicates count), each cell the value of the term
// (the IRI, or the literal's lexical form without language or datatype),
// empty when unbound, with \t, \n and \\ escaped.
//
// Exit status: 0 every answer as expected, 1 some differ, 2 bad usage or
// unreadable input.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import oxigraph from 'oxigraph';

function die(message) {
  console.error(`oxigraph-competency: ${message}`);
  process.exit(2);
}

const [exportFile, dir] = process.argv.slice(2);
if (!exportFile || !dir) die('usage: node oxigraph-competency.mjs EXPORT.nq COMPETENCY-DIR');

function escape(value) {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

// Code-point order, the same whatever the locale.
function byCodePoint(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); ++i) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d;
  }
  return x.length - y.length;
}

// Question names in a natural order: C1 C1b C2 ... C10, then Q1 ... Q19.
function byName(a, b) {
  const split = (s) => s.match(/^([A-Za-z]+)(\d+)(.*)$/) || [s, s, 0, ''];
  const [, pa, na, ra] = split(a);
  const [, pb, nb, rb] = split(b);
  return pa.localeCompare(pb) || Number(na) - Number(nb) || ra.localeCompare(rb);
}

let text;
try {
  text = readFileSync(exportFile, 'utf8');
} catch (error) {
  die(`${exportFile}: ${error.message}`);
}
const store = new oxigraph.Store();
const started = Date.now();
try {
  store.load(text, { format: 'application/n-quads' });
} catch (error) {
  die(`${exportFile}: Oxigraph cannot load it: ${error.message || error}`);
}
const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;
const quads = store.size;
store.update('INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }');
const count = (q) => Number(store.query(q)[0].get('n').value);
const graphs = count('SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }');
const merged = count('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
console.log(`Oxigraph ${exportFile}: ${quads} quads (${lines} lines) in ${graphs} named graphs, ` +
  `${merged} triples merged in the default graph, in ${Date.now() - started} ms`);
if (quads !== lines) {
  console.log(`FAIL: the store holds ${quads} quads, the file has ${lines} statements`);
  process.exitCode = 1;
}

const names = readdirSync(dir).filter((f) => f.endsWith('.rq')).map((f) => f.slice(0, -3)).sort(byName);
if (!names.length) die(`${dir}: no questions (*.rq)`);
let failures = 0;
for (const name of names) {
  const query = readFileSync(join(dir, `${name}.rq`), 'utf8');
  const title = (query.match(/^# (.*)$/m) || [null, name])[1];
  const [header, ...rest] = readFileSync(join(dir, `${name}.tsv`), 'utf8').replace(/\n$/, '').split('\n');
  const variables = header.split('\t');
  // Rows padded to every variable: an editor may strip a row's trailing
  // empty cells (unbound variables at the end).
  const expected = rest
    .map((row) => {
      const cells = row.split('\t');
      while (cells.length < variables.length) cells.push('');
      return cells.join('\t');
    })
    .sort(byCodePoint);
  let got;
  try {
    got = store
      .query(query)
      .map((solution) => variables.map((v) => {
        const term = solution.get(v);
        return term ? escape(term.value) : '';
      }).join('\t'))
      .sort(byCodePoint);
  } catch (error) {
    console.log(`${title}\n   FAIL: the query failed: ${error.message || error}`);
    ++failures;
    continue;
  }
  console.log(title);
  for (const row of got) console.log(`   -> ${row.replace(/\t/g, ' | ')}`);
  if (!got.length) console.log('   -> none');
  if (got.length !== expected.length || got.some((row, i) => row !== expected[i])) {
    ++failures;
    const missing = expected.filter((row) => !got.includes(row));
    const extra = got.filter((row) => !expected.includes(row));
    console.log(`   FAIL: ${name}: expected ${expected.length} rows, got ${got.length}`);
    for (const row of missing) console.log(`      missing: ${row.replace(/\t/g, ' | ')}`);
    for (const row of extra) console.log(`      extra:   ${row.replace(/\t/g, ' | ')}`);
  }
}
if (failures) {
  console.log(`\noxigraph-competency: ${failures} of ${names.length} questions FAILED`);
  process.exitCode = 1;
} else if (!process.exitCode) {
  console.log(`\noxigraph-competency: all ${names.length} questions answered as expected`);
}
