import { describe, expect, it } from 'vitest';
import { readLiveState } from '../../../src/state/read/index.js';
import type { Entity } from '../../../src/model/entity.js';
import type { JsonObject } from '../../../src/model/json.js';
import { FakeApi } from './fake-api.js';
import { desiredState, konnectData, scope } from './fixtures.js';

const core = (cp: string, path: string) => `/control-planes/${cp}/core-entities/${path}`;
const pluginSchema = (ttl: number): JsonObject => ({
  fields: [
    { protocols: { type: 'set', default: ['http', 'https'] } },
    { config: { type: 'record', fields: [{ cache_ttl: { type: 'integer', default: ttl } }, { strategy: { type: 'string', required: true } }] } },
  ],
});

function data(): Record<string, JsonObject[]> {
  const all = konnectData();
  all[core('cp-1', 'plugins')]!.push({ id: 'pl3', name: 'file-log', config: { path: '/tmp/x' } }, { id: 'pl4', name: 'my-auth', config: {} });
  all[core('cp-1', 'custom-plugins')] = [{ id: 'cu1', name: 'my-auth', handler: 'h', schema: 's' }];
  all[core('cp-2', 'plugins')] = [{ id: 'pl5', name: 'proxy-cache', config: { strategy: 'memory' } }];
  return all;
}

const desiredPlugin = (controlPlane: string, name: string): Entity => ({ kind: 'plugin', key: `${controlPlane}/${name}`, controlPlane, fields: { name, config: {} } });

describe('readLiveState: defaults from Konnect schemas for what the static table lacks', () => {
  it('fetches each unknown plugin name and partial type once, custom plugins per control plane, 404 = none', async () => {
    const schemas: Record<string, JsonObject> = {
      [core('cp-1', 'schemas/plugins/proxy-cache')]: pluginSchema(300),
      [core('cp-2', 'schemas/plugins/proxy-cache')]: pluginSchema(300),
      [core('cp-1', 'schemas/plugins/my-auth')]: pluginSchema(1),
      [core('cp-2', 'schemas/plugins/my-auth')]: pluginSchema(2),
      [core('cp-1', 'schemas/partials/vectordb')]: { fields: [{ config: { type: 'record', fields: [{ dimensions: { type: 'integer', default: 8 } }, { url: { type: 'string' } }] } }] },
    };
    const api = new FakeApi(data(), schemas);
    const desired = desiredState(
      [
        desiredPlugin('payments', 'proxy-cache'),
        desiredPlugin('payments', 'rate-limiting'),
        desiredPlugin('other', 'my-auth'),
        { kind: 'custom_plugin', key: 'other/my-auth', controlPlane: 'other', fields: { name: 'my-auth', handler: 'h', schema: 's' } },
        { kind: 'partial', key: 'payments/vec', controlPlane: 'payments', fields: { name: 'vec', type: 'vectordb', config: {} } },
      ],
      [scope('payments'), scope('other')],
    );
    const live = await readLiveState(api, desired);

    const fetched = api.requested.map((request) => request.path.replace(/cp-[12]\/core-entities\/schemas\/plugins\/proxy-cache$/, '*/proxy-cache'));
    expect(fetched.sort()).toEqual([
      '/control-planes/*/proxy-cache',
      core('cp-1', 'schemas/partials/vectordb'),
      core('cp-1', 'schemas/plugins/file-log'),
      core('cp-1', 'schemas/plugins/my-auth'),
      core('cp-2', 'schemas/plugins/my-auth'),
    ]);
    for (const request of api.requested) expect(request).toMatchObject({ api: 'core-entities', method: 'GET', acceptStatuses: [404] });
    const stats = api.stats();
    expect(stats.requests).toBe(stats.pages + 5);

    expect(Object.keys(live.defaults ?? {}).sort()).toEqual(['other/plugin:my-auth', 'partial:vectordb', 'payments/plugin:my-auth', 'plugin:proxy-cache']);
    expect(live.defaults!['plugin:proxy-cache']).toMatchObject({ enabled: true, protocols: ['http', 'https'], config: { cache_ttl: 300, strategy: null } });
    expect((live.defaults!['other/plugin:my-auth']!.config as JsonObject).cache_ttl).toBe(2);
    expect(live.defaults!['partial:vectordb']).toEqual({ config: { dimensions: 8 }, name: null, tags: null });
  });

  it('makes no schema request when every plugin and partial type is in the static table', async () => {
    const api = new FakeApi(konnectData(), {});
    const live = await readLiveState(api, desiredState([desiredPlugin('payments', 'key-auth')], [scope('payments')]));
    expect(api.requested).toEqual([]);
    expect(live.defaults).toBeUndefined();
  });
});
