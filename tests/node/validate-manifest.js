#!/usr/bin/env node
// Validates a Teams app manifest OFFLINE against the official JSON schema bundled in @microsoft/app-manifest
// (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json, or MicrosoftTeams.Localization.schema.json for a
// localization file such as manifests/teams/de.json), with ajv draft-04 + ajv-formats set up the way
// AppManifestUtils.validateAgainstSchema sets them up. The manifest's "$schema" picks the bundled file; a "$schema"
// that is not a bundled Teams schema is an error (we never download one).
//
// Usage: node validate-manifest.js [manifest.json]     (stdin when no file is given)
// Output (stdout): {"valid":bool,"schema":"<local file>","errors":[{"path","message","params"}]}
// Exit code: 0 = valid, 1 = invalid, 2 = bad input or usage.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v\d+\.\d+|vDevPreview)\/(MicrosoftTeams(?:\.Localization)?)\.schema\.json$/;
const SCHEMA_ROOT = path.join(__dirname, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

function fail(message) {
  process.stderr.write(`validate-manifest: ${message}\n`);
  process.exit(2);
}

function readJson(text, what) {
  try {
    // The bundled schemas contain "\a" and "\v" escapes that JSON.parse rejects (as the package itself notes).
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`${what} is not valid JSON: ${e.message}`);
  }
  return undefined;
}

function loadSchema(schemaUrl) {
  const match = SCHEMA_URL.exec(schemaUrl || '');
  if (!match) {
    fail(`"$schema" must be a Teams schema URL (https://developer.microsoft.com/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json, or MicrosoftTeams.Localization.schema.json for a localization file), got ${JSON.stringify(schemaUrl)}`);
  }
  const file = path.join(SCHEMA_ROOT, match[1], `${match[2]}.schema.json`);
  if (!fs.existsSync(file)) {
    fail(`no bundled schema for ${match[1]} (${file}); run scripts/install-test-deps.sh`);
  }
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return { file, schema: readJson(raw, file), localization: match[2].endsWith('.Localization') };
}

function main() {
  const args = process.argv.slice(2);
  if (args.length > 1) {
    fail('usage: validate-manifest.js [manifest.json]');
  }
  const text = args.length === 1 ? fs.readFileSync(args[0], 'utf8') : fs.readFileSync(0, 'utf8');
  const manifest = readJson(text, args[0] || 'stdin');
  const { file, schema, localization } = loadSchema(manifest && manifest.$schema);

  // The localization schema's key patterns are ECMAScript regexes that are not valid in unicode mode (a lone "]"),
  // so they are compiled without the "u" flag, as a browser reads a JSON-schema pattern.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: !localization });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  const valid = validate(manifest);
  const errors = (validate.errors || []).map((e) => ({
    path: e.instancePath,
    message: e.message,
    params: e.params,
  }));
  process.stdout.write(JSON.stringify({ valid, schema: path.relative(__dirname, file), errors }) + '\n');
  process.exit(valid ? 0 : 1);
}

main();
