import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The official GS1 EPCIS 2.0 JSON Schema (draft-07, so ajv's default class), with ajv-formats for its
// "uri" and "date-time" formats. It compiles in ajv's strict mode, so we keep it: a schema update that
// needs looser settings should fail loudly here, not quietly validate less.
let compiled: ValidateFunction | undefined;

export function epcisValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(readJson('EPCIS-JSON-Schema.json') as object);
  }
  return compiled;
}

export function readJson(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, name), 'utf8'));
}

/** The schema errors of a document, as short lines for a readable test failure; [] when it is valid. */
export function epcisErrors(document: unknown): string[] {
  const validate = epcisValidator();
  return validate(document) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
}
