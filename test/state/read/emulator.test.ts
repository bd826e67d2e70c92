import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/index.js';
import { KonnectClient } from '../../../src/konnect/client.js';
import { readLiveState } from '../../../src/state/read/index.js';
import { serverMadeRefs } from '../../../src/state/read/server-made.js';
import type { Json, JsonObject } from '../../../src/model/json.js';
import { desiredState, scope } from './fixtures.js';

let emulator: RunningEmulator;
let seedClient: KonnectClient;
const dir = mkdtempSync(join(tmpdir(), 'konsync-read-emu-'));
const dataFile = join(dir, 'seeded.json');

async function post(path: string, body: Json, api: 'control-planes' | 'core-entities' = 'core-entities'): Promise<JsonObject> {
  const response = await seedClient.request<JsonObject>({ api, method: 'POST', path, body });
  return response.body;
}

beforeAll(async () => {
  emulator = await startEmulator({ provisionMs: 10, rateLimitPerMinute: 100_000, dataFile });
  seedClient = new KonnectClient({ token: emulator.token, addr: emulator.url, ratePerMinute: 100_000, burst: 100 });
  const cp = await post('/control-planes', { name: 'payments', cloud_gateway: true }, 'control-planes');
  await post('/control-planes', { name: 'other' }, 'control-planes');
  const group = await post('/control-planes', { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }, 'control-planes');
  await seedClient.request({ api: 'control-planes', method: 'POST', path: `/control-planes/${String(group.id)}/group-memberships/add`, body: { members: [{ id: cp.id! }] } });
  const base = `/control-planes/${String(cp.id)}/core-entities`;
  const services: JsonObject[] = [];
  for (let i = 0; i < 30; i++) services.push(await post(`${base}/services`, { name: `svc${i}`, host: `h${i}.internal`, tags: ['team-a'] }));
  await post(`${base}/routes`, { name: 'orders', paths: ['/orders'], service: { id: services[0]!.id! } });
  const upstream = await post(`${base}/upstreams`, { name: 'up' });
  await post(`${base}/upstreams/${String(upstream.id)}/targets`, { target: '10.0.0.1:80' });
  const gold = await post(`${base}/consumer_groups`, { name: 'gold' });
  await post(`${base}/consumers`, { username: 'alice' });
  await post(`${base}/consumer_groups/${String(gold.id)}/consumers`, { consumer: 'alice' });
  const redis = await post(`${base}/partials`, { name: 'redis', type: 'redis-ee', config: { host: 'redis.internal', port: 6379 } });
  await post(`${base}/plugins`, {
    name: 'rate-limiting-advanced',
    service: { id: services[1]!.id! },
    partials: [{ id: redis.id!, path: 'config.redis' }],
    config: { limit: [10], window_size: [60] },
  });
}, 60_000);

afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const DESIRED = () =>
  desiredState(
    [
      { kind: 'control_plane', key: 'payments', fields: { name: 'payments' } },
      { kind: 'control_plane', key: 'platform', fields: { name: 'platform', members: ['payments'] } },
    ],
    [scope('payments')],
  );

describe('readLiveState against the emulator', () => {
  it('reads what the scope touches with list pages only, references by name', async () => {
    const client = new KonnectClient({ token: emulator.token, addr: emulator.url });
    const desired = desiredState(
      [
        { kind: 'control_plane', key: 'payments', fields: { name: 'payments' } },
        { kind: 'control_plane', key: 'platform', fields: { name: 'platform', members: ['payments'] } },
      ],
      [scope('payments')],
    );
    const { entities } = await readLiveState(client, desired);
    const byRef = new Map(entities.map((e) => [`${e.kind}:${e.key}`, e]));
    expect(entities.filter((e) => e.kind === 'service')).toHaveLength(30);
    expect(byRef.get('route:payments/orders')!.fields.service).toBe('svc0');
    expect(byRef.get('target:payments/up/10.0.0.1:80')!.fields.upstream).toBe('up');
    expect(byRef.get('consumer_group_member:payments/gold/alice')).toBeDefined();
    const plugin = byRef.get('plugin:payments/rate-limiting-advanced|service=svc1');
    expect(plugin!.fields.partials).toEqual([{ name: 'redis', path: 'config.redis' }]);
    expect(byRef.get('control_plane_membership:platform')!.fields.members).toEqual(['payments']);
    expect(entities.some((e) => e.controlPlane === 'other')).toBe(false);
    expect(serverMadeRefs(entities).size).toBe(0);
    const stats = client.stats();
    expect(stats.requests).toBe(stats.pages);
    expect(stats.retries).toBe(0);
  });

  it('under injected 429s, 500s, resets and timeouts, reads exactly the same entities', async () => {
    const clean = await readLiveState(new KonnectClient({ token: emulator.token, addr: emulator.url }), DESIRED());
    await emulator.stop(); // flushes the data file
    const copy = join(dir, 'faulty.json');
    copyFileSync(dataFile, copy);
    const faulty = await startEmulator({ dataFile: copy, faults: '429=0.1,500=0.08,reset=0.05,timeout=0.03', seed: 3 });
    try {
      const client = new KonnectClient({ token: faulty.token, addr: faulty.url, timeoutMs: 500, retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 10, maxRetryAfterMs: 50 } });
      const live = await readLiveState(client, DESIRED());
      const shape = (entities: typeof live.entities) => entities.map((e) => `${e.kind}:${e.key}:${JSON.stringify(e.fields)}`).sort();
      expect(shape(live.entities)).toEqual(shape(clean.entities));
      const stats = client.stats();
      expect(stats.retries).toBeGreaterThan(0);
      expect(stats.requests).toBe(stats.pages + stats.retries);
    } finally {
      await faulty.stop();
    }
  });
});
