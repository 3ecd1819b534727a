#!/usr/bin/env node
// Validates EN 16931 invoices and credit notes (UBL 2.1 or UN/CEFACT CII) against the official
// CEN/TC 434 validation artefacts, release 1.3.16 (ConnectingEurope/eInvoicing-EN16931), compiled
// to SEF for SaxonJS. Usage, from the project root (saxon-js must be installed there):
//   node test/support/einvoicing/validate.js invoice.xml [more.xml ...]      # exit 1 on any fatal
//   node test/support/einvoicing/validate.js --json invoice.xml               # one JSON line per file
// As a library: const { validate } = require("./test/support/einvoicing/validate.js");
//   validate(xmlString) -> { syntax: 'UBL'|'CII', fatal: [{id, text, location}], warnings: [...] }
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function saxon() {
  try {
    return require(require.resolve('saxon-js', { paths: [process.cwd(), __dirname] }));
  } catch {
    throw new Error('saxon-js is not installed in this project: npm i -D -E saxon-js');
  }
}

const sefCache = {};
function sef(syntax) {
  sefCache[syntax] ??= path.join(__dirname, `EN16931-${syntax}-validation.sef.json`);
  return sefCache[syntax];
}

function syntaxOf(xml) {
  if (/urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/.test(xml)) return 'UBL';
  if (/urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100/.test(xml)) return 'CII';
  throw new Error('neither a UBL 2.1 Invoice/CreditNote nor a UN/CEFACT CII CrossIndustryInvoice');
}

function validate(xml) {
  const syntax = syntaxOf(xml);
  const SaxonJS = saxon();
  const out = SaxonJS.transform(
    { stylesheetFileName: sef(syntax), sourceText: xml, destination: 'serialized' },
    'sync',
  ).principalResult;
  const fatal = [];
  const warnings = [];
  const re = /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g;
  for (let m; (m = re.exec(out)); ) {
    const attr = (name) => (m[1].match(new RegExp(`\\b${name}="([^"]*)"`)) || [])[1];
    const text = ((m[2].match(/<svrl:text>([\s\S]*?)<\/svrl:text>/) || [])[1] || '').trim();
    const item = { id: attr('id'), text, location: attr('location') };
    (attr('flag') === 'warning' ? warnings : fatal).push(item);
  }
  return { syntax, fatal, warnings };
}

module.exports = { validate };

if (require.main === module) {
  const args = process.argv.slice(2);
  const json = args[0] === '--json';
  const files = json ? args.slice(1) : args;
  if (files.length === 0) {
    console.error('usage: validate.js [--json] invoice.xml ...');
    process.exit(2);
  }
  let bad = 0;
  for (const file of files) {
    let r;
    try {
      r = validate(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      r = { syntax: null, fatal: [{ id: 'NOT-EN16931', text: e.message }], warnings: [] };
    }
    if (r.fatal.length) bad++;
    if (json) console.log(JSON.stringify({ file, ...r }));
    else {
      console.log(`${file}: ${r.syntax ?? '?'} ${r.fatal.length} fatal, ${r.warnings.length} warnings`);
      for (const f of r.fatal) console.log(`  [${f.id}] ${f.text}`);
      for (const w of r.warnings) console.log(`  (warning ${w.id}) ${w.text}`);
    }
  }
  process.exit(bad ? 1 : 0);
}
