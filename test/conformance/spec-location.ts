import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the official specs are, without loading them (the suite-wide setup asks every test file).

export type SpecApi = 'cloud-gateways' | 'control-planes' | 'control-planes-config';
export const SPEC_APIS: SpecApi[] = ['cloud-gateways', 'control-planes', 'control-planes-config'];

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC_DIR = resolve(REPO_ROOT, '..', 'shared', 'konnect-openapi');

export function specsAvailable(): boolean {
  return SPEC_APIS.every((api) => existsSync(join(SPEC_DIR, `${api}.v2.yaml`)));
}

export const SPECS_MISSING = `Konnect OpenAPI specs not found in ${SPEC_DIR}: conformance suite skipped`;
