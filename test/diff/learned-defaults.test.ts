import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { KONNECT_DEFAULTS } from '../../src/kinds/konnect-defaults.js';
import type { Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveState } from '../../src/model/state.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, scope } from './helpers.js';

// A plugin KONNECT_DEFAULTS does not know: its defaults come only from the schema the reader fetched.
const LEARNED: JsonObject = {
  ...KONNECT_DEFAULTS.plugin,
  protocols: ['grpc', 'grpcs', 'http', 'https'],
  config: {
    cache_ttl: 300,
    content_type: ['text/plain', 'application/json'],
    memory: { dictionary_name: 'kong_db_cache' },
    request_method: ['GET', 'HEAD'],
    response_code: [200, 301, 404],
    storage_ttl: null,
    strategy: null,
  },
};

/** What Konnect returns for a proxy-cache created with `config` only: every schema default filled in. */
function liveProxyCache(config: JsonObject): Entity {
  const filled = { ...(structuredClone(LEARNED.config) as JsonObject), ...config };
  return liveEntity('plugin', { ...structuredClone(LEARNED), id: 'pl-1', name: 'proxy-cache', created_at: 1, updated_at: 2, config: filled }, { controlPlane: CP });
}

function plan(config: JsonObject, live: Entity, defaults: Record<string, JsonObject> = { 'plugin:proxy-cache': LEARNED }) {
  const desired = desiredState([desiredEntity('plugin', { name: 'proxy-cache', config }, { controlPlane: CP })], {
    claims: gatewayClaims(CP),
    scopes: [scope(CP)],
  });
  const state: LiveState = { entities: [liveControlPlane(), live] };
  state.defaults = defaults;
  return buildPlan(desired, state);
}

describe('defaults learned from Konnect schemas', () => {
  const stated = { strategy: 'memory', cache_ttl: 60 };

  it('no drift when the file states a few config fields and Konnect filled the rest from the schema', () => {
    expect(plan(stated, liveProxyCache(stated)).operations).toEqual([]);
  });

  it('without the learned defaults the same pair drifts (the test can fail)', () => {
    expect(plan(stated, liveProxyCache(stated), {}).summary.update).toBe(1);
  });

  it('a changed stated field is drift', () => {
    const ops = plan({ ...stated, cache_ttl: 120 }, liveProxyCache(stated)).operations;
    expect(ops.map((op) => op.id)).toEqual([`update:plugin:${CP}/proxy-cache`]);
    expect(ops[0]!.patch).toEqual([{ op: 'replace', path: '/config/cache_ttl', value: 120 }]);
  });

  it('a removed stated field is drift: back to the schema default', () => {
    const ops = plan({ strategy: 'memory' }, liveProxyCache(stated)).operations;
    expect(ops[0]!.patch).toEqual([{ op: 'replace', path: '/config/cache_ttl', value: 300 }]);
  });

  it('the static table wins over a learned entry for the same key', () => {
    const live = liveEntity('plugin', { ...structuredClone(KONNECT_DEFAULTS['plugin:correlation-id']!), id: 'pl-2', name: 'correlation-id' }, { controlPlane: CP });
    const desired = desiredState([desiredEntity('plugin', { name: 'correlation-id' }, { controlPlane: CP })], { claims: gatewayClaims(CP), scopes: [scope(CP)] });
    const wrong = { ...KONNECT_DEFAULTS.plugin, config: { header_name: 'X-Other' } };
    expect(buildPlan(desired, { entities: [liveControlPlane(), live], defaults: { 'plugin:correlation-id': wrong } }).operations).toEqual([]);
  });

  it('a control plane’s own (custom plugin) schema applies to it before a shared one', () => {
    const other = { ...LEARNED, config: { ...(LEARNED.config as JsonObject), cache_ttl: 60 } };
    const defaults = { 'plugin:proxy-cache': other, [`${CP}/plugin:proxy-cache`]: LEARNED };
    expect(plan({ strategy: 'memory' }, liveProxyCache({ strategy: 'memory' }), defaults).operations).toEqual([]);
  });
});
