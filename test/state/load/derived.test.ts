import { describe, expect, it } from 'vitest';
import { entity, keys, load, yaml } from './helpers.js';
import { DERIVED_TAG } from '../../../src/model/ownership.js';
import { managedCachePartialFields } from '../../../src/kinds/platform/managed-cache-partial.js';

const platform = (owner: string, members = '[team-a, team-b]') =>
  yaml(
    'control_planes:',
    `- {name: shared, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP, cloud_gateway: true, members: ${members}}`,
    '- {name: team-a, cloud_gateway: true}',
    '- {name: team-b, cloud_gateway: true}',
    'cloud_gateways:',
    '  add_ons:',
    '  - name: cache',
    `    owner: ${owner}`,
    '    config: {kind: managed-cache.v0, capacity_config: {kind: tiered, tier: small}}',
  );

const memberFile = (cp: string, ...rest: string[]) =>
  yaml('_format_version: "3.0"', `_konnect: {control_plane_name: ${cp}}`, ...rest);

const RLA = [
  'plugins:',
  '- name: rate-limiting-advanced',
  '  partials: [{name: konnect-managed}]',
  '  config: {limit: [10], window_size: [60], strategy: redis, sync_rate: 0}',
];

describe('derived entities: a group-owned managed cache', () => {
  it('puts the documented konnect-managed partial on every member, tagged as konsync-derived', () => {
    const state = load({ 'p.yaml': platform('{control_plane_group: shared}') });
    const partials = state.entities.filter((e) => e.kind === 'partial');
    expect(partials.map((p) => p.key)).toEqual(['team-a/konnect-managed', 'team-b/konnect-managed']);
    const { tags, ...fields } = partials[0]!.fields;
    expect(fields).toEqual(managedCachePartialFields());
    expect(tags).toEqual([DERIVED_TAG]);
    // Located at the add-on that implies it.
    expect(partials[0]!.source).toMatchObject({ file: 'p.yaml', line: 7 });
    expect(JSON.stringify(fields)).toContain('{vault://env/ADDON_MANAGED_CACHE_HOST}');
  });

  it('lets a member file reference it by name', () => {
    const state = load({ 'p.yaml': platform('{control_plane_group: shared}'), 'a.yaml': memberFile('team-a', ...RLA) });
    expect(entity(state, 'plugin', 'team-a/rate-limiting-advanced').fields.partials).toEqual([{ name: 'konnect-managed' }]);
    expect(state.warnings ?? []).toEqual([]);
  });

  it('keeps a partial the member file declares by hand (no duplicate, no tag added)', () => {
    const state = load({
      'p.yaml': platform('{control_plane_group: shared}'),
      'a.yaml': memberFile('team-a', 'partials:', '- {name: konnect-managed, type: redis-ee, config: {host: "{vault://env/ADDON_MANAGED_CACHE_HOST}"}}'),
    });
    const a = entity(state, 'partial', 'team-a/konnect-managed');
    expect(a.source?.file).toBe('a.yaml');
    expect(a.fields.tags).toBeUndefined();
    expect(entity(state, 'partial', 'team-b/konnect-managed').fields.tags).toEqual([DERIVED_TAG]);
  });

  it('derives nothing for a control-plane-owned cache (Konnect makes that partial itself)', () => {
    const state = load({ 'p.yaml': platform('{control_plane: team-a}', '[team-b]') });
    expect(keys(state).filter((k) => k.startsWith('partial:'))).toEqual([]);
  });

  it('claims konsync-derived partials everywhere when the files claim add-ons, and not otherwise', () => {
    const withAddOns = load({ 'p.yaml': platform('{control_plane_group: shared}') });
    expect(withAddOns.claims).toContainEqual({ kind: 'partial', selectTags: [DERIVED_TAG] });
    const noAddOns = load({ 'p.yaml': yaml('control_planes:', '- {name: team-a}') });
    expect(noAddOns.claims.some((c) => c.kind === 'partial')).toBe(false);
    // An empty add_ons list still claims them: the cache is gone, so are its partials.
    const emptied = load({ 'p.yaml': yaml('control_planes:', '- {name: team-a}', 'cloud_gateways:', '  add_ons: []') });
    expect(emptied.claims).toContainEqual({ kind: 'partial', selectTags: [DERIVED_TAG] });
  });

  it('a member dropped from the group loses its derived partial from the desired state', () => {
    const state = load({ 'p.yaml': platform('{control_plane_group: shared}', '[team-a]') });
    expect(keys(state).filter((k) => k.startsWith('partial:'))).toEqual(['partial:team-a/konnect-managed']);
  });
});

describe('warning: a redis strategy with no redis', () => {
  it('names the file, line, column and field', () => {
    const state = load({
      'a.yaml': memberFile('team-a', 'plugins:', '- name: rate-limiting-advanced', '  config: {limit: [10], window_size: [60], strategy: redis, sync_rate: 0}'),
    });
    expect(state.warnings).toEqual([
      expect.stringMatching(/^a\.yaml:5:\d+: plugins\[0\]\.config\.strategy: strategy "redis" with no redis partial and no redis host/),
    ]);
  });

  it('is silent with a redis host or a local strategy', () => {
    const state = load({
      'a.yaml': memberFile(
        'team-a',
        'plugins:',
        '- name: rate-limiting-advanced',
        '  config: {limit: [10], window_size: [60], strategy: redis, sync_rate: 0, redis: {host: redis.internal}}',
        '- name: rate-limiting',
        '  config: {minute: 5, policy: local}',
      ),
    });
    expect(state.warnings ?? []).toEqual([]);
  });
});
