// SPDX-License-Identifier: MIT
// The JSON-LD each site page embeds, expanded and turned into RDF by
// jsonld.js: an entity page's, exactly the statements of the N-Quads export
// whose subject is the entity (graph left aside); a corpus page's (index,
// timeline, sources), statements that are all in the export; term for term
// as N3.js reads both.
// Usage: node jsonld_check.mjs JSONL   (written by check_pages.py)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.ENTENTE_JS_MODULES + "/");
const jsonld = require("jsonld");
const N3 = require("n3");

function keys(text) {
  const out = new Set();
  for (const q of new N3.Parser({ format: "N-Quads" }).parse(text)) {
    const o = q.object;
    const literal = o.termType === "Literal"
      ? `"${o.value}"@${(o.language || "").toLowerCase()}^^${o.datatype.value}`
      : `<${o.value}>`;
    out.add(`<${q.subject.value}> <${q.predicate.value}> ${literal}`);
  }
  return out;
}

const lines = readFileSync(process.argv[2], "utf-8").split("\n").filter(Boolean);
let failures = 0;
let statements = 0;
for (const line of lines) {
  const item = JSON.parse(line);
  let doc;
  try {
    doc = JSON.parse(item.jsonld);
  } catch (e) {
    console.error(`${item.page}: the JSON-LD is not JSON: ${e.message}`);
    failures++;
    continue;
  }
  // Nothing is fetched: the context is inline, and a remote one is an error.
  const documentLoader = (url) => {
    throw new Error(`the JSON-LD asks for ${url}`);
  };
  let nquads;
  try {
    nquads = await jsonld.toRDF(doc, { format: "application/n-quads", documentLoader, safe: true });
  } catch (e) {
    console.error(`${item.page}: jsonld.js: ${e.message}`);
    failures++;
    continue;
  }
  const got = keys(nquads);
  const want = keys(item.expected.join("\n") + "\n");
  // A corpus page says part of the export; an entity page all of its own.
  const missing = item.subset ? [] : [...want].filter((k) => !got.has(k));
  const extra = [...got].filter((k) => !want.has(k));
  if (missing.length || extra.length) {
    console.error(`${item.page}: JSON-LD differs from the export: missing ${missing.slice(0, 2)}; extra ${extra.slice(0, 2)}`);
    failures++;
  }
  statements += got.size;
}
if (failures) {
  process.exit(1);
}
console.log(`ok: the JSON-LD of ${lines.length} pages expands to their ${statements} statements of the export`);
