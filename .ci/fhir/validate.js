// Validates FHIR R4 JSON files with real validators and the crate's own
// invariants. Usage:
//   node validate.js valid   FILE...   every file must pass
//   node validate.js broken  FILE...   every file must fail
// Exit status 0 when every file did as expected, 1 otherwise.
'use strict';

const fs = require('fs');
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
const { Fhir } = require('fhir');
const ucum = require('@lhncbc/ucum-lhc').UcumLhcUtils.getInstance();

const schema = new JSONSchemaValidator();
const fhir = new Fhir();
const UCUM = 'http://unitsofmeasure.org';

// The crate's own invariants, which the validators above do not check.
function invariants(resource) {
  const problems = [];
  const walk = (node, path, inDose) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`, inDose));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    // A quantity's code needs its system, and a UCUM code must be valid.
    if ('code' in node && 'value' in node && !('system' in node)) {
      problems.push(`${path}: a Quantity code without a system`);
    }
    if (node.system === UCUM && typeof node.code === 'string') {
      const v = ucum.validateUnitString(node.code, true);
      if (v.status !== 'valid') problems.push(`${path}: UCUM code ${node.code} is ${v.status}`);
    }
    if ('value' in node && typeof node.value === 'number') {
      if (!Number.isFinite(node.value)) problems.push(`${path}: value is not finite`);
      // No binary noise: at most nine decimals, written as the decimal.
      const text = String(node.value);
      if (/\.\d{10,}/.test(text)) problems.push(`${path}: value ${text} has binary noise`);
    }
    if (inDose && 'comparator' in node) problems.push(`${path}: a comparator on a dose`);
    if ('period' in node && !('periodUnit' in node)) problems.push(`${path}: period without periodUnit`);
    if ('code' in node && path.endsWith('.timing')) problems.push(`${path}: Timing.code is not used`);
    for (const key of ['frequency', 'count', 'sequence']) {
      if (key in node && !(Number.isInteger(node[key]) && node[key] > 0)) {
        problems.push(`${path}.${key}: ${node[key]} is not a positive integer`);
      }
    }
    for (const [key, value] of Object.entries(node)) {
      walk(value, `${path}.${key}`, inDose || key === 'doseQuantity' || key === 'doseRange');
    }
  };
  walk(resource, resource.resourceType || '$', false);
  // Every contained resource is referenced from its container.
  const check = (r, path) => {
    const text = JSON.stringify({ ...r, contained: undefined });
    for (const c of r.contained || []) {
      if (!text.includes(`"#${c.id}"`)) problems.push(`${path}: contained ${c.resourceType}/${c.id} is not referenced`);
    }
  };
  if (resource.resourceType === 'Bundle') {
    (resource.entry || []).forEach((e, i) => e.resource && check(e.resource, `Bundle.entry[${i}]`));
  } else {
    check(resource, resource.resourceType);
  }
  return problems;
}

function problemsOf(resource) {
  const problems = [];
  for (const e of schema.validate(resource)) {
    problems.push(`schema: ${e.dataPath || ''} ${e.message || JSON.stringify(e)}`);
  }
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  for (const m of result.messages || []) {
    if (m.severity === 'error') problems.push(`FHIR.js: ${m.location}: ${m.message}`);
  }
  return problems.concat(invariants(resource));
}

const [mode, ...files] = process.argv.slice(2);
if (!['valid', 'broken'].includes(mode) || files.length === 0) {
  console.error('usage: node validate.js valid|broken FILE...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  let problems;
  try {
    problems = problemsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    problems = [`cannot read: ${e.message}`];
  }
  if (mode === 'valid' && problems.length > 0) {
    failed = true;
    console.error(`${file}: INVALID`);
    for (const p of problems) console.error(`  - ${p}`);
  } else if (mode === 'broken' && problems.length === 0) {
    failed = true;
    console.error(`${file}: passed, but it is deliberately broken`);
  } else {
    console.log(`${file}: ${mode === 'valid' ? 'valid' : `fails as expected (${problems[0]})`}`);
  }
}
process.exit(failed ? 1 : 0);
