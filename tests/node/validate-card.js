#!/usr/bin/env node
// Validates Adaptive Cards with the official renderer package (adaptivecards@3.0.6): parse events and
// validateProperties() failures. No DOM is needed. Offline.
//
// Input (stdin, or one JSON file per argument):
//   - a single card:                 {"type":"AdaptiveCard", ...}
//   - a batch:                       {"cards":[{"name":"welcome","card":{...}}, ...]}
//   - an array of cards:             [{...}, {...}]          (named "#0", "#1", ...)
// Options: --host-version 1.5   the newest card version the host (Teams) renders; cards are parsed at
//                               min(card version, host version), so features newer than either are reported.
//          --render              also render each card to HTML (jsdom) with markdown-it as the markdown processor,
//                               as a host that interprets TextBlock/Fact markdown does; the result gets "html".
// Fallback actions ("fallback": {"type":"Action.…"}) are validated too, as phase "Fallback".
// Output (stdout): {"results":[{"name","valid","errors":[{phase,event,message,source}],"accepted":[...]}]}
// Exit code: 0 = ran (inspect "valid"), 2 = bad input or usage.
'use strict';

const fs = require('fs');
const path = require('path');
const AC = require(path.join(__dirname, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.js'));

// Properties Teams honours on cards older than the version the renderer package assigns to them.
// "choices.data" (dynamic typeahead, Data.Query) is documented by Teams on 1.2 and 1.5 cards
// (msteams-docs task-modules-and-cards/cards/dynamic-search.md); adaptivecards@3.0.6 tags it 1.6.
const TEAMS_ACCEPTED_PROPERTIES = new Set(['choices.data']);

function parseArgs(argv) {
  const options = { hostVersion: '1.5', render: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--host-version') {
      options.hostVersion = argv[++i];
    } else if (argv[i] === '--render') {
      options.render = true;
    } else if (argv[i].startsWith('--')) {
      throw new Error(`unknown option ${argv[i]}`);
    } else {
      options.files.push(argv[i]);
    }
  }
  if (!AC.Version.parse(options.hostVersion, new AC.SerializationContext())) {
    throw new Error(`--host-version: not a version: ${options.hostVersion}`);
  }
  return options;
}

function toEntries(input, fallbackName) {
  if (Array.isArray(input)) {
    return input.map((card, i) => ({ name: `${fallbackName}#${i}`, card }));
  }
  if (input && typeof input === 'object' && Array.isArray(input.cards)) {
    return input.cards.map((entry, i) => ({ name: entry.name || `${fallbackName}#${i}`, card: entry.card }));
  }
  return [{ name: fallbackName, card: input }];
}

function sourceName(source) {
  if (!source || typeof source.getJsonTypeName !== 'function') {
    return undefined;
  }
  const id = source.id ? `#${source.id}` : '';
  return `${source.getJsonTypeName()}${id}`;
}

function describe(phase, e) {
  return {
    phase,
    event: AC.ValidationEvent[e.event] || String(e.event),
    message: e.message,
    source: sourceName(e.source),
  };
}

function isAcceptedByTeams(event) {
  if (event.event !== 'UnsupportedProperty') {
    return false;
  }
  const match = /^Property "([^"]+)" is supported in version/.exec(event.message);
  return match !== null && TEAMS_ACCEPTED_PROPERTIES.has(match[1]);
}

function validateCard(name, json, hostVersion) {
  const errors = [];
  const accepted = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { name, valid: false, errors: [{ phase: 'Input', event: 'NotAnObject', message: 'The card is not a JSON object.' }], accepted };
  }

  const probe = new AC.SerializationContext();
  const declared = AC.Version.parse(json.version, probe);
  const host = AC.Version.parse(hostVersion, probe);
  let target = host;
  if (declared && declared.isValid && declared.compareTo(host) < 0) {
    target = declared;
  } else if (declared && declared.isValid && declared.compareTo(host) > 0) {
    errors.push({
      phase: 'Host',
      event: 'UnsupportedCardVersion',
      message: `Card version ${declared.toString()} is newer than the host supports (${host.toString()}).`,
    });
  }

  const context = new AC.SerializationContext(target);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = describe('Parse', context.getEventAt(i));
    (isAcceptedByTeams(event) ? accepted : errors).push(event);
  }

  const results = card.validateProperties();
  for (const e of results.validationEvents) {
    errors.push(describe('Validation', e));
  }

  // The renderer parses an action's "fallback" only when it cannot render the action itself, so check every
  // fallback action (Teams clients without Universal Actions use the Action.Submit fallback of Action.Execute).
  for (const fallback of fallbackActions(json)) {
    const fallbackContext = new AC.SerializationContext(target);
    const holder = new AC.AdaptiveCard();
    holder.parse({ type: 'AdaptiveCard', version: target.toString(), actions: [fallback] }, fallbackContext);
    for (let i = 0; i < fallbackContext.eventCount; i++) {
      errors.push(describe('Fallback', fallbackContext.getEventAt(i)));
    }
    for (const e of holder.validateProperties().validationEvents) {
      errors.push(describe('Fallback', e));
    }
  }
  return { name, valid: errors.length === 0, errors, accepted, card };
}

// Rendering needs a DOM and a markdown processor; both are loaded only for --render.
function enableRendering() {
  const { JSDOM } = require(path.join(__dirname, 'node_modules', 'jsdom'));
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  global.window = dom.window;
  global.document = dom.window.document;
  // The renderer checks elements with instanceof HTMLInputElement etc.: expose the DOM's classes too.
  for (const name of Object.getOwnPropertyNames(dom.window)) {
    if (/^(HTML|SVG)?[A-Z]\w*(Element|Event)$|^(Node|Text|Element)$/.test(name) && !(name in global)) {
      global[name] = dom.window[name];
    }
  }
  const markdown = require(path.join(__dirname, 'node_modules', 'markdown-it'))();
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };
}

function render(card) {
  const element = card.render();
  return element ? element.outerHTML : '';
}

function fallbackActions(node, found = []) {
  if (Array.isArray(node)) {
    node.forEach((item) => fallbackActions(item, found));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'fallback' && value && typeof value === 'object' && typeof value.type === 'string' && value.type.startsWith('Action.')) {
        found.push(value);
      }
      fallbackActions(value, found);
    }
  }
  return found;
}

function main() {
  let options;
  const entries = [];
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.files.length === 0) {
      entries.push(...toEntries(JSON.parse(fs.readFileSync(0, 'utf8')), 'stdin'));
    } else {
      for (const file of options.files) {
        entries.push(...toEntries(JSON.parse(fs.readFileSync(file, 'utf8')), path.basename(file)));
      }
    }
  } catch (e) {
    process.stderr.write(`validate-card: ${e.message}\n`);
    process.exit(2);
  }

  if (options.render) {
    enableRendering();
  }
  const results = entries.map((entry) => {
    const { card, ...result } = validateCard(entry.name, entry.card, options.hostVersion);
    if (options.render) {
      result.html = card ? render(card) : '';
    }
    return result;
  });
  process.stdout.write(JSON.stringify({ hostVersion: options.hostVersion, results }) + '\n');
}

main();
