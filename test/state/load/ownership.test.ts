import { describe, expect, it } from 'vitest';
import { load, onlyProblem, yaml } from './helpers.js';

describe('claims and scopes', () => {
  it('a gateway file claims every gateway kind of its control plane within its select tags', () => {
    const state = load({ 'g.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [b, a]}', 'services: []') });
    const serviceClaims = state.claims.filter((claim) => claim.kind === 'service');
    expect(serviceClaims).toEqual([{ kind: 'service', controlPlane: 'cp', selectTags: ['a', 'b'] }]);
    expect(state.claims.some((claim) => claim.kind === 'custom_plugin')).toBe(false);
    expect(state.claims.some((claim) => claim.controlPlane === undefined)).toBe(false);
  });

  it('claims custom plugins only with include_plugin_definitions', () => {
    const state = load({ 'g.yaml': yaml('_info: {include_plugin_definitions: true}', 'services: []') });
    expect(state.claims).toContainEqual({ kind: 'custom_plugin', controlPlane: 'default' });
  });

  it('each select-tag set of one control plane is its own claim and scope entry', () => {
    const state = load({
      'a.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [team-a]}', 'services: []'),
      'b.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [team-b], default_lookup_tags: {partials: [shared], services: [s1]}}', 'plugins: []'),
      'c.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {default_lookup_tags: {partials: [konnect-managed]}}', 'routes: []'),
    });
    expect(state.claims.filter((claim) => claim.kind === 'route')).toEqual([
      { kind: 'route', controlPlane: 'cp', selectTags: ['team-a'] },
      { kind: 'route', controlPlane: 'cp', selectTags: ['team-b'] },
      { kind: 'route', controlPlane: 'cp' },
    ]);
    expect(state.scopes).toEqual([
      {
        controlPlane: 'cp',
        selectTagSets: [['team-a'], ['team-b'], []],
        lookupTags: { partials: ['konnect-managed', 'shared'], services: ['s1'] },
        includePluginDefinitions: false,
      },
    ]);
  });

  it('a platform file claims the collections it lists, even empty, and nothing gateway but what konsync derived', () => {
    const state = load({ 'p.yaml': yaml('_konnect: {geo: eu}', 'control_planes: [{name: cp}]', 'cloud_gateways:', '  add_ons: []') });
    // Add-ons imply members' managed-cache partials: only those konsync made (tagged) are claimed.
    expect(state.claims).toEqual([{ kind: 'add_on' }, { kind: 'control_plane' }, { kind: 'partial', selectTags: ['konsync-derived'] }]);
    expect(state.scopes).toEqual([]);
    expect(state.geo).toBe('eu');
  });

  it('a platform file with _info is still no gateway file', () => {
    const state = load({ 'p.yaml': yaml('_info: {select_tags: [platform]}', 'control_planes: [{name: cp}]') });
    expect(state.claims).toEqual([{ kind: 'control_plane' }]);
  });

  it('a header-only file that names its control plane claims it (decK: an empty file means "none of mine")', () => {
    const state = load({ 'g.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [t]}'), 'p.yaml': yaml('control_planes: [{name: cp}]') });
    expect(state.claims).toContainEqual({ kind: 'service', controlPlane: 'cp', selectTags: ['t'] });
  });

  it('nested platform lists claim that parent’s children only', () => {
    const state = load({
      'p.yaml': yaml(
        'control_planes: [{name: grp, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP, members: []}]',
        'cloud_gateways:',
        '  networks:',
        '  - {name: n1, provider: aws, region: r, availability_zones: [a], cidr_block: 10.0.0.0/16, transit_gateways: []}',
        '  - {name: n2, provider: aws, region: r, availability_zones: [a], cidr_block: 10.1.0.0/16}',
      ),
    });
    expect(state.claims).toEqual([
      { kind: 'control_plane' },
      { kind: 'control_plane_membership', parent: 'grp' },
      { kind: 'network' },
      { kind: 'transit_gateway', parent: 'n1' },
    ]);
  });

  it('custom_plugins without include_plugin_definitions are refused, naming the file', () => {
    expect(onlyProblem({ 'cp.yaml': yaml('custom_plugins:', '- {name: x, handler: "return {}", schema: "return {}"}') })).toMatchObject({
      file: 'cp.yaml',
      line: 2,
      message: 'cp.yaml contains plugin definitions (custom_plugins); set _info.include_plugin_definitions: true to manage them',
    });
  });

  it('the includePluginDefinitions option stands in for the flag', () => {
    const state = load({ 'cp.yaml': yaml('custom_plugins:', '- {name: x, handler: "return {}", schema: "return {}"}') }, { includePluginDefinitions: true });
    expect(state.entities.map((e) => e.key)).toEqual(['default/x']);
  });
});
