import { describe, expect, it } from 'vitest';
import { entity, load, onlyProblem, yaml } from './helpers.js';

const platform = (...lines: string[]) => yaml(...lines);

describe('the default geo', () => {
  it('is --geo, else the one geo the files name, else us', () => {
    expect(load({ 'a.yaml': yaml('services: []') }).geo).toBe('us');
    expect(load({ 'a.yaml': yaml('services: []') }, { geo: 'au' }).geo).toBe('au');
    expect(load({ 'a.yaml': yaml('_konnect: {geo: eu}', 'services: []') }).geo).toBe('eu');
    expect(load({ 'a.yaml': yaml('_konnect: {geo: eu}', 'services: []') }, { geo: 'au' }).geo).toBe('au');
    expect(load({ 'a.yaml': yaml('_konnect: {geo: eu, control_plane_name: a}', 'services: []'), 'b.yaml': yaml('_konnect: {geo: au, control_plane_name: b}', 'services: []') }).geo).toBe('us');
  });

  it('a single-geo state reads one geo and places nothing itself', () => {
    const state = load({ 'p.yaml': platform('_konnect: {geo: eu}', 'control_planes: [{name: cp}]') });
    expect(state.geo).toBe('eu');
    expect(state.geos).toBeUndefined();
    expect(entity(state, 'control_plane', 'cp').geo).toBeUndefined();
  });
});

describe('a control plane\'s geo', () => {
  it('is its own geo:, else its file\'s _konnect.geo, else the default geo; its entities and what it owns share it', () => {
    const state = load({
      'p.yaml': platform(
        '_konnect: {geo: eu}',
        'control_planes:',
        '  - {name: in-eu, cloud_gateway: true}',
        '  - {name: in-au, geo: au, cloud_gateway: true}',
        'cloud_gateways:',
        '  configurations:',
        '    - {control_plane: in-au, version: "3.11", dataplane_groups: [{provider: aws, region: ap-southeast-2, network: n}]}',
        '  custom_domains: [{control_plane: in-eu, domain: api.example.com}]',
        '  networks: [{name: n, provider: aws, region: ap-southeast-2, availability_zones: [apse2-az1], cidr_block: 10.0.0.0/16}]',
      ),
      'q.yaml': platform('control_planes: [{name: in-us}]'),
      'g.yaml': yaml('_konnect: {control_plane_name: in-au}', 'services: [{name: s, host: h}]'),
    }, { geo: 'us' });
    expect(state.geo).toBe('us');
    expect(state.geos).toEqual(['us', 'eu', 'au']);
    expect(entity(state, 'control_plane', 'in-eu').geo).toBe('eu');
    expect(entity(state, 'control_plane', 'in-au').geo).toBe('au');
    expect(entity(state, 'control_plane', 'in-au').fields.geo).toBeUndefined();
    expect(entity(state, 'control_plane', 'in-us').geo).toBeUndefined();
    expect(entity(state, 'service', 'in-au/s').geo).toBe('au');
    expect(entity(state, 'configuration', 'in-au').geo).toBe('au');
    expect(entity(state, 'custom_domain', 'api.example.com').geo).toBe('eu');
    expect(entity(state, 'network', 'n').geo).toBeUndefined();
  });

  it('a gateway file\'s _konnect.geo places its control plane', () => {
    const state = load({ 'g.yaml': yaml('_konnect: {geo: eu, control_plane_name: cp}', 'services: [{name: s, host: h}]'), 'h.yaml': yaml('_konnect: {control_plane_name: other}', 'services: []') }, { geo: 'us' });
    expect(state.geos).toEqual(['us', 'eu']);
    expect(entity(state, 'service', 'cp/s').geo).toBe('eu');
  });

  it('files with different geos for different control planes load', () => {
    const state = load({
      'a.yaml': yaml('_konnect: {geo: us, control_plane_name: a}', 'services: []'),
      'b.yaml': yaml('_konnect: {geo: eu, control_plane_name: b}', 'services: []'),
    });
    expect(state.geos).toEqual(['us', 'eu']);
  });

  it('refuses a gateway file whose geo contradicts the control plane\'s declared geo, at its _konnect.geo', () => {
    const problem = onlyProblem({
      'p.yaml': platform('control_planes:', '  - {name: cp, geo: us}'),
      'g.yaml': yaml('_konnect:', '  control_plane_name: cp', '  geo: eu', 'services: []'),
    });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 3, column: 3, path: '_konnect.geo' });
    expect(problem.message).toBe('_konnect.geo "eu" conflicts with geo "us" of control plane "cp" (p.yaml:2:16)');
  });

  it('refuses two gateway files of one control plane that disagree', () => {
    const problem = onlyProblem({ 'a.yaml': yaml('_konnect: {geo: eu}', 'services: []'), 'b.yaml': yaml('_konnect: {geo: us}', 'routes: []') });
    expect(problem).toMatchObject({ file: 'b.yaml', line: 1, path: '_konnect.geo' });
    expect(problem.message).toMatch(/^_konnect\.geo "us" conflicts with geo "eu" of control plane "default" \(a\.yaml:1:\d+\)$/);
  });

  it('refuses a geo that is not one of Konnect\'s', () => {
    expect(onlyProblem({ 'p.yaml': platform('control_planes:', '  - {name: cp, geo: mars}') })).toMatchObject({ file: 'p.yaml', line: 2 });
  });

  it('refuses a group member of another geo, at the member', () => {
    const problem = onlyProblem({
      'p.yaml': platform(
        'control_planes:',
        '  - {name: cp-a, geo: eu}',
        '  - name: group',
        '    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP',
        '    members: [cp-b, cp-a]',
        '  - {name: cp-b}',
      ),
    });
    expect(problem).toMatchObject({ file: 'p.yaml', line: 5 });
    expect(problem.message).toBe('control plane "cp-a" lives in geo eu, and this control plane group membership in geo us (control plane "group"): what belongs to a control plane stays in its geo');
  });
});

