// SPDX-License-Identifier: MIT
// RocketRML on an entente dataset: node run.js MAPPING.ttl INPUT.xml OUT.nq [XPATHLIB]
// Run by tests/bench/run --with-rocketrml, which installs rocketrml into
// tests/bench/node_modules.  Prints "TRIPLES N" on stderr.
'use strict';
const fs = require('fs');
const path = require('path');
const parser = require(path.join(__dirname, '..', 'node_modules', 'rocketrml'));

async function main() {
  const [mappingPath, inputPath, outPath, xpathLib] = process.argv.slice(2);
  if (!outPath) {
    console.error('usage: node run.js MAPPING.ttl INPUT.xml OUT.nq [xpath|fontoxpath|pugixml]');
    process.exit(64);
  }
  const mapping = fs.readFileSync(mappingPath, 'utf8');
  const input = fs.readFileSync(inputPath, 'utf8');
  const result = await parser.parseFileLive(mapping, { 'input.xml': input }, {
    toRDF: true,
    verbose: false,
    replace: false,
    removeNameSpace: { xmlns: 'https://w3id.org/entente/format/1' },
    xpathLib: xpathLib || 'fontoxpath',
  });
  fs.writeFileSync(outPath, result);
  const lines = result.split('\n').filter((l) => l.trim() !== '').length;
  console.error(`TRIPLES ${lines}`);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(70);
});
