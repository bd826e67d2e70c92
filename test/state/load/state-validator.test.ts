import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledValidator, generatedValidator, GENERATED_VALIDATOR, validatorSource } from '../../../src/state/load/state-validator.js';

// Inside the project, so the generated code finds Ajv's runtime helpers as the built one does.
mkdirSync(join('node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'node_modules', '.cache', 'konsync-validator-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOCUMENTS: unknown[] = [
  { _format_version: '3.0', services: [{ name: 'ok', host: 'h.internal', port: 8080 }] },
  { services: [{ name: 'a', hots: 'h' }], routes: [{ name: 'r', paths: '/x' }] },
  { services: [{ name: '', host: 'h', port: 'eighty', protocol: 'gopher' }], plugins: [{ config: {} }] },
  { control_planes: [{ name: 'cp', cluster_type: 'NOPE', members: [1] }], unknown_section: [] },
  { consumers: [{ username: 'u', keyauth_credentials: [{ key: 5 }] }], _konnect: { control_plane_name: 7 } },
];

describe('the state schema validator', () => {
  it('written out by the build, validates exactly as the compiled one: same errors, same schemas in them', () => {
    writeFileSync(join(dir, GENERATED_VALIDATOR), validatorSource());
    const generated = generatedValidator(dir);
    expect(generated).toBeDefined();
    const compiled = compiledValidator();
    for (const document of DOCUMENTS) {
      expect(generated!(document)).toBe(compiled(document));
      expect(generated!.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(compiled.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('is not used when it was made from another schema, Ajv or options, or is missing', () => {
    const stale = join(dir, 'stale');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, GENERATED_VALIDATOR), validatorSource().replace(/module\.exports\.stamp = "[0-9a-f]+"/, 'module.exports.stamp = "0"'));
    expect(generatedValidator(stale)).toBeUndefined();
    expect(generatedValidator(join(dir, 'absent'))).toBeUndefined();
  });
});
