import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aiPartialsModule, AI_PARTIALS_FILE } from './spec-derived.js';
import { emulatorDoc, EMULATOR_DOC } from './fuzz/emulator-doc.js';
import { oracle } from './spec-oracle.js';
import { SPECS_MISSING, specsAvailable } from './spec-location.js';

const suite = specsAvailable() ? describe : describe.skip;
if (!specsAvailable()) console.warn(SPECS_MISSING);

const ROOT = resolve(import.meta.dirname, '..', '..');
/** `KONSYNC_WRITE_SPEC_DERIVED=1 npx vitest run test/conformance/spec-derived.test.ts` regenerates the files. */
const WRITE = process.env.KONSYNC_WRITE_SPEC_DERIVED === '1';

function matchesGenerated(file: string, generated: string): void {
  const path = resolve(ROOT, file);
  if (WRITE) writeFileSync(path, generated);
  expect(readFileSync(path, 'utf8'), `${file} is stale: regenerate it with KONSYNC_WRITE_SPEC_DERIVED=1`).toBe(generated);
}

suite('emulator files derived from the official specs are current', () => {
  it(AI_PARTIALS_FILE, () => matchesGenerated(AI_PARTIALS_FILE, aiPartialsModule()));
  it(`${EMULATOR_DOC} (operations served, in scope, out of scope)`, () => matchesGenerated(EMULATOR_DOC, emulatorDoc(oracle())));
});
