// SPDX-License-Identifier: MIT
// Run every SPARQL example of a Markdown page (each ```sparql fence is one
// query) over an N-Quads export loaded into Oxigraph as it is: each source's
// statements in its own named graph, the default graph empty, no union
// option.  A user who pastes an example into a store that keeps the default
// graph apart (Oxigraph, Jena TDB2 by default) must get its answer, so an
// example that answers nothing fails.  A fence whose comments say "N rows"
// must answer exactly N rows.  Each example is asked again with the
// default graph the union of all graphs (as Virtuoso, GraphDB and QLever
// answer) and must give the same rows.  Where the "->" comment pairs a name
// and a count ("Trump 7, Putin 7: 7 rows"), a row must hold both: one
// value holding the name, another the count.
//
//   node docs-queries.mjs EXPORT.nq PAGE.md
//
// Exit status: 0 every example answers as it says, 1 some do not, 2 bad
// usage or unreadable input.
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';

function die(message) {
  console.error(`docs-queries: ${message}`);
  process.exit(2);
}

const [exportFile, page] = process.argv.slice(2);
if (!exportFile || !page) die('usage: node docs-queries.mjs EXPORT.nq PAGE.md');
let data;
let text;
try {
  data = readFileSync(exportFile, 'utf8');
  text = readFileSync(page, 'utf8');
} catch (error) {
  die(error.message);
}
const store = new oxigraph.Store();
try {
  store.load(data, { format: 'application/n-quads' });
} catch (error) {
  die(`${exportFile}: Oxigraph cannot load it: ${error.message || error}`);
}
const queries = [...text.matchAll(/^```sparql\n([\s\S]*?)^```/gm)].map((m) => m[1]);
if (!queries.length) die(`${page}: no \`\`\`sparql examples`);
// The solutions of `query` as sorted lines of their terms.
function answer(query, options) {
  return store
    .query(query, options)
    .map((solution) => [...solution].map(([name, term]) => `${name}=${term.value}`).sort().join('\t'))
    .sort();
}

let failures = 0;
for (const query of queries) {
  const title = (query.match(/^# (.*)$/m) || [null, query.split('\n')[0]])[1];
  const want = query.match(/^#.*?\b(\d+) rows?\b/m);
  let rows;
  let union;
  try {
    rows = answer(query, {});
    union = answer(query, { use_default_graph_as_union: true });
  } catch (error) {
    console.log(`FAIL: ${title}: the query failed: ${error.message || error}`);
    ++failures;
    continue;
  }
  const n = rows.length;
  const said = query.match(/^# -> (.*): \d+ rows?$/m);
  const wrong = (said ? said[1].split(', ') : [])
    .map((item) => item.match(/^(.+) (\d+)$/))
    .filter((pair) => pair)
    .filter(([, name, count]) => !rows.some((row) => {
      const values = row.split('\t').map((cell) => cell.slice(cell.indexOf('=') + 1));
      return values.some((v) => v.includes(name)) && values.includes(count);
    }))
    .map(([item]) => item);
  if (want ? n !== Number(want[1]) : n < 1) {
    console.log(`FAIL: ${title}: ${n} rows, want ${want ? want[1] : 'at least 1'}`);
    ++failures;
  } else if (wrong.length) {
    console.log(`FAIL: ${title}: no row says ${wrong.join(', ')}`);
    ++failures;
  } else if (union.join('\n') !== rows.join('\n')) {
    console.log(`FAIL: ${title}: ${n} rows, but ${union.length} (or other rows) with a union default graph`);
    ++failures;
  } else {
    console.log(`ok: ${title}: ${n} rows`);
  }
}
process.exitCode = failures ? 1 : 0;
