// SPDX-License-Identifier: MIT
// Validate RDF files against SHACL shapes with shacl-engine (SHACL Core).
//
//   node shacl-validate.mjs [--coverage] SHAPES.ttl --set NAME FILE... [--set NAME FILE...]...
//
// Each set is one data graph: every statement of its files (N-Quads,
// N-Triples, Turtle or TriG, by extension) merged into the default graph,
// whatever graph it was in, duplicates once (the RDF merge of the graphs).
// For each set, one line "NAME: conforms (N triples)" or "NAME: does not
// conform (K results)" followed by one line per result:
//   NAME<TAB>SEVERITY<TAB>FOCUS<TAB>PATH<TAB>SHAPE<TAB>COMPONENT<TAB>VALUE<TAB>MESSAGE
// (terms in N-Triples syntax, "-" where there is none), read from the
// standard sh:ValidationReport the engine builds.
//
// --coverage also checks, for each set, that the shapes cover the data:
// every subject is the target of a node shape (by one of its rdf:types),
// each of its types is that shape's target class or one of its sh:class
// values, and each of its predicates is the sh:path of one of that shape's
// property shapes.  What is not covered is printed as
//   NAME<TAB>uncovered<TAB>CLASSES<TAB>PREDICATE-OR-TYPE
// and makes the set fail.
//
// Exit status: 0 every set conforms (and is covered), 1 some set does not,
// 2 bad usage or a file that cannot be read or parsed.
import { readFileSync } from 'node:fs';
import N3 from 'n3';
import rdfDataModel from '@rdfjs/data-model';
import rdfDataset from '@rdfjs/dataset';
import Validator from 'shacl-engine/Validator.js';

// One RDF/JS factory with both the terms and the dataset (the packages
// export objects whose methods are on their prototypes).
const factory = {};
for (const f of [rdfDataModel, rdfDataset]) {
  for (const key of Object.getOwnPropertyNames(Object.getPrototypeOf(f))) {
    if (key !== 'constructor' && typeof f[key] === 'function') factory[key] = f[key].bind(f);
  }
}
const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_FIRST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#first';
const RDF_REST = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#rest';

function die(message) {
  console.error(`shacl-validate: ${message}`);
  process.exit(2);
}

function formatOf(file) {
  if (/\.nq$/i.test(file)) return 'application/n-quads';
  if (/\.nt$/i.test(file)) return 'application/n-triples';
  if (/\.trig$/i.test(file)) return 'application/trig';
  if (/\.ttl$/i.test(file)) return 'text/turtle';
  die(`${file}: unknown extension (want .nq, .nt, .ttl or .trig)`);
}

/// Read FILES into one dataset, every statement in the default graph.
function load(files) {
  const dataset = factory.dataset();
  for (const file of files) {
    let quads;
    try {
      quads = new N3.Parser({ format: formatOf(file) }).parse(readFileSync(file, 'utf8'));
    } catch (error) {
      die(`${file}: ${error.message}`);
    }
    for (const q of quads) {
      dataset.add(factory.quad(q.subject, q.predicate, q.object, factory.defaultGraph()));
    }
  }
  return dataset;
}

function nt(term) {
  if (!term) return '-';
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal': {
      const text = JSON.stringify(term.value);
      if (term.language) return `${text}@${term.language}`;
      if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') {
        return `${text}^^<${term.datatype.value}>`;
      }
      return text;
    }
    default:
      return term.value;
  }
}

function objects(dataset, subject, predicate) {
  return [...dataset.match(subject, factory.namedNode(predicate), null)].map((q) => q.object);
}

function one(dataset, subject, predicate) {
  return objects(dataset, subject, predicate)[0];
}

/// A result path as text: an IRI, or the SHACL path node's shape.
function pathText(report, path) {
  if (!path) return '-';
  if (path.termType === 'NamedNode') return nt(path);
  for (const [key, label] of [
    ['inversePath', '^'],
    ['zeroOrMorePath', '*'],
    ['oneOrMorePath', '+'],
    ['zeroOrOnePath', '?'],
  ]) {
    const inner = one(report, path, SH + key);
    if (inner) return `${label}${pathText(report, inner)}`;
  }
  const steps = [];
  for (let node = path; node && node.value !== 'http://www.w3.org/1999/02/22-rdf-syntax-ns#nil';
    node = one(report, node, RDF_REST)) {
    const first = one(report, node, RDF_FIRST);
    if (!first) break;
    steps.push(pathText(report, first));
  }
  return steps.length ? steps.join('/') : nt(path);
}

/// The node shapes of SHAPES with their target classes, sh:class values and
/// the sh:path of each of their property shapes.
function shapeIndex(shapes) {
  const index = [];
  for (const q of shapes.match(null, factory.namedNode(SH + 'targetClass'), null)) {
    const shape = q.subject;
    const paths = new Set();
    for (const property of objects(shapes, shape, SH + 'property')) {
      for (const path of objects(shapes, property, SH + 'path')) paths.add(path.value);
    }
    const classes = new Set(objects(shapes, shape, SH + 'class').map((t) => t.value));
    index.push({ shape, target: q.object.value, classes, paths });
  }
  return index;
}

function coverage(name, data, index) {
  const problems = new Set();
  const subjects = new Map();
  for (const q of data) {
    const key = nt(q.subject);
    if (!subjects.has(key)) subjects.set(key, { types: new Set(), predicates: new Set() });
    const s = subjects.get(key);
    if (q.predicate.value === RDF_TYPE) s.types.add(q.object.value);
    else s.predicates.add(q.predicate.value);
  }
  for (const [, s] of subjects) {
    const shapes = index.filter((e) => s.types.has(e.target));
    const classes = [...s.types].sort().map((t) => `<${t}>`).join(' ') || '(no type)';
    if (!shapes.length) {
      problems.add(`${name}\tuncovered\t${classes}\t(no node shape targets these classes)`);
      continue;
    }
    for (const t of s.types) {
      if (!shapes.some((e) => e.target === t || e.classes.has(t))) {
        problems.add(`${name}\tuncovered\t${classes}\ttype <${t}>`);
      }
    }
    for (const p of s.predicates) {
      if (!shapes.some((e) => e.paths.has(p))) {
        problems.add(`${name}\tuncovered\t${classes}\t<${p}>`);
      }
    }
  }
  return [...problems].sort();
}

async function main() {
  const args = process.argv.slice(2);
  let checkCoverage = false;
  if (args[0] === '--coverage') {
    checkCoverage = true;
    args.shift();
  }
  const shapesFile = args.shift();
  if (!shapesFile || args[0] !== '--set') {
    die('usage: node shacl-validate.mjs [--coverage] SHAPES.ttl --set NAME FILE... [--set NAME FILE...]...');
  }
  const sets = [];
  while (args.length) {
    const word = args.shift();
    if (word === '--set') {
      const name = args.shift();
      if (!name) die('--set needs a name');
      sets.push({ name, files: [] });
    } else {
      sets.at(-1).files.push(word);
    }
  }
  for (const set of sets) {
    if (!set.files.length) die(`set ${set.name} has no files`);
  }

  const shapes = load([shapesFile]);
  const validator = new Validator(shapes, { factory });
  const index = shapeIndex(shapes);
  let failed = false;
  for (const set of sets) {
    const data = load(set.files);
    const report = await validator.validate({ dataset: data });
    const lines = [];
    const rd = report.dataset;
    for (const q of rd.match(null, factory.namedNode(RDF_TYPE), factory.namedNode(SH + 'ValidationResult'))) {
      const r = q.subject;
      const severity = one(rd, r, SH + 'resultSeverity');
      lines.push([
        set.name,
        severity ? severity.value.replace(SH, '').toLowerCase() : '-',
        nt(one(rd, r, SH + 'focusNode')),
        pathText(rd, one(rd, r, SH + 'resultPath')),
        nt(one(rd, r, SH + 'sourceShape')),
        nt(one(rd, r, SH + 'sourceConstraintComponent')),
        nt(one(rd, r, SH + 'value')),
        (one(rd, r, SH + 'resultMessage') || { value: '-' }).value.replace(/\s+/g, ' '),
      ].join('\t'));
    }
    lines.sort();
    const uncovered = checkCoverage ? coverage(set.name, data, index) : [];
    if (report.conforms && !uncovered.length) {
      console.log(`${set.name}: conforms (${data.size} triples${checkCoverage ? ', all covered by the shapes' : ''})`);
      continue;
    }
    failed = true;
    console.log(`${set.name}: does not conform (${lines.length} results` +
      `${checkCoverage ? `, ${uncovered.length} uncovered` : ''}, ${data.size} triples)`);
    for (const line of [...lines, ...uncovered]) console.log(line);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => die(error && error.stack ? error.stack : error));
