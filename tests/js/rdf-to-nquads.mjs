// SPDX-License-Identifier: MIT
// Read an entente export with an independent JavaScript parser and print
// its statements as N-Quads:  node rdf-to-nquads.mjs jsonld|trig|oxigraph FILE
// JSON-LD is read by jsonld.js in safe mode (any term it would drop is an
// error) with a document loader that refuses every fetch: the @context
// must be embedded.  TriG is read by N3.js.  `oxigraph` loads N-Quads into
// an Oxigraph store and prints what the store gives back, which is what a
// user querying or dumping a store holds (Oxigraph keeps some literals in
// a canonical form: "3"^^xsd:nonNegativeInteger comes back as xsd:integer).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import N3 from 'n3';
import oxigraph from 'oxigraph';

const [kind, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

function done(nquads) {
  process.stdout.write(nquads);
}

function die(error) {
  console.error(`rdf-to-nquads: ${kind}: ${error && error.message ? error.message : error}`);
  process.exit(1);
}

if (kind === 'jsonld') {
  const documentLoader = async (url) => {
    throw new Error(`a remote document was asked for: ${url}`);
  };
  jsonld
    .toRDF(JSON.parse(text), { format: 'application/n-quads', documentLoader, safe: true })
    .then(done, die);
} else if (kind === 'trig') {
  try {
    const quads = new N3.Parser({ format: 'application/trig' }).parse(text);
    const writer = new N3.Writer({ format: 'N-Quads' });
    writer.addQuads(quads);
    writer.end((error, result) => (error ? die(error) : done(result)));
  } catch (error) {
    die(error);
  }
} else if (kind === 'oxigraph') {
  try {
    const store = new oxigraph.Store();
    store.load(text, { format: 'application/n-quads' });
    done(store.dump({ format: 'application/n-quads' }));
  } catch (error) {
    die(error);
  }
} else {
  die('usage: node rdf-to-nquads.mjs jsonld|trig|oxigraph FILE');
}
