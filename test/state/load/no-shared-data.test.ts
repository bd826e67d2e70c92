import { describe, expect, it } from 'vitest';
import { loadState } from '../../../src/state/load/index.js';
import type { Entity } from '../../../src/model/entity.js';
import type { Json } from '../../../src/model/json.js';
import { load, yaml } from './helpers.js';

/** Objects and arrays found in more than one place among the entities' fields (the loader hands file data over uncopied). */
function sharedParts(entities: readonly Entity[]): string[] {
  const owner = new Map<object, string>();
  const shared: string[] = [];
  const walk = (value: Json, where: string): void => {
    if (value === null || typeof value !== 'object') return;
    const seen = owner.get(value);
    if (seen !== undefined) shared.push(`${where} is also ${seen}`);
    owner.set(value, where);
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${where}[${index}]`));
    else for (const [key, item] of Object.entries(value)) walk(item, `${where}.${key}`);
  };
  for (const entity of entities) walk(entity.fields, `${entity.kind}:${entity.key}`);
  return shared;
}

describe('loaded entities share no object or array (changing one entity never changes another)', () => {
  it('in the payments fixture', async () => {
    const state = await loadState(['fixtures/platform.yaml', 'fixtures/shared-redis.yaml', 'fixtures/payments'], { env: { DECK_PAYMENTS_SHARED_SECRET: 'x' } });
    expect(state.entities.length).toBeGreaterThan(10);
    expect(sharedParts(state.entities)).toEqual([]);
  });

  it('with nesting, defaults, select tags, mapped and declared-in-passing members, on the fast and the yaml path', () => {
    const lines = [
      '_format_version: "3.0"',
      '_konnect:',
      '  control_plane_name: cp',
      '_info:',
      '  select_tags: [team-a]',
      '  defaults:',
      '    service:',
      '      tags: [d]',
      '      client_certificate: null',
      '    route:',
      '      headers:',
      '        x-d: [w]',
      'services:',
      '- name: orders',
      '  host: orders.internal',
      '  tags: [t]',
      '  routes:',
      '  - name: r1',
      '    paths: [/o]',
      '    headers:',
      '      x-a: [v]',
      '    plugins:',
      '    - name: rate-limiting',
      '      config:',
      '        second: 1',
      '  plugins:',
      '  - name: cors',
      '    config:',
      '      origins: ["*"]',
      '- name: billing',
      '  host: billing.internal',
      'consumers:',
      '- username: alice',
      '  groups:',
      '  - name: gold',
      '  keyauth_credentials:',
      '  - key: k1',
      '  acls:',
      '  - group: admins',
      'consumer_groups:',
      '- name: gold',
      '  consumers:',
      '  - username: bob',
      '    tags: [b]',
      'upstreams:',
      '- name: up',
      '  targets:',
      '  - target: 10.0.0.1:80',
    ];
    const fast = load({ 'a.yaml': yaml(...lines) });
    // An anchor (and a block scalar) sends the same data through the yaml package.
    // An anchor and its alias send the same data through the yaml package: the aliased list is one object there.
    const aliased = lines.flatMap((line) => {
      if (line === '    paths: [/o]') return ['    paths: &p [/o]'];
      if (line === '  host: billing.internal') return [line, '  routes:', '  - name: r2', '    paths: *p'];
      return [line];
    });
    const slow = load({ 'a.yaml': yaml(...aliased) });
    expect(slow.entities.find((entity) => entity.key === 'cp/r2')?.fields.paths).toEqual(['/o']);
    for (const state of [fast, slow]) {
      expect(state.entities.length).toBeGreaterThan(10);
      expect(sharedParts(state.entities)).toEqual([]);
    }
  });
});
