import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '../emulator/index.js';
import { isJsonObject, type JsonObject } from '../model/json.js';

/** konsync's own example state, its fixtures/ directory, found by walking up from this file (src/ or dist/src/). */
export function findFixtures(): string[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 10; depth++) {
    const fixtures = join(dir, 'fixtures');
    if (existsSync(join(dir, 'package.json')) && existsSync(fixtures)) {
      const shown = relative(process.cwd(), fixtures);
      return [shown === '' || shown.startsWith('..') ? fixtures : shown];
    }
    dir = dirname(dir);
  }
  throw new Error("cannot find konsync's fixtures/ directory; pass --fixtures PATH");
}

async function call(emulator: RunningEmulator, method: string, path: string, body?: JsonObject): Promise<unknown> {
  const response = await fetch(`${emulator.url}/v2${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** What a person clicking in the Konnect UI would do: adds a label to the first (non-group) control plane. */
export async function outOfBandChange(emulator: RunningEmulator): Promise<string> {
  const listed = await call(emulator, 'GET', '/control-planes?page[size]=100');
  const planes = isJsonObject(listed) && Array.isArray(listed.data) ? listed.data.filter(isJsonObject) : [];
  const plane = planes.find((cp) => !(isJsonObject(cp.config) && cp.config.cluster_type === 'CLUSTER_TYPE_CONTROL_PLANE_GROUP')) ?? planes[0];
  if (!plane || typeof plane.id !== 'string') throw new Error('the emulator has no control plane to change');
  const labels = { ...(isJsonObject(plane.labels) ? plane.labels : {}), 'changed-by': 'hand' };
  await call(emulator, 'PATCH', `/control-planes/${plane.id}`, { labels });
  return `PATCH /v2/control-planes/${plane.id}  {"labels": {..., "changed-by": "hand"}}   (control plane "${String(plane.name)}")`;
}
