import { describe, expect, it } from 'vitest';
import { load, onlyProblem, problems, yaml } from './helpers.js';

const NETWORK = '  - {name: net, provider: aws, region: us-east-2, availability_zones: [a], cidr_block: 10.0.0.0/16}';
const CACHE = 'config: {kind: managed-cache.v0, capacity_config: {kind: tiered, tier: small}}';

describe('platform rules beyond JSON Schema', () => {
  it('members only on a control plane group; no nested groups; no member twice', () => {
    const found = problems({
      'p.yaml': yaml(
        'control_planes:',
        '- {name: plain, members: [a1]}',
        '- {name: grp, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP, members: [a1, a1, grp2]}',
        '- {name: grp2, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP}',
        '- {name: a1}',
      ),
    });
    expect(found.map((p) => `${p.line}:${p.path} ${p.message}`)).toEqual([
      '2:control_planes[0].members members are allowed only on a control plane group (cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP)',
      '3:control_planes[1].members[1] control plane "a1" is listed twice',
      '3:control_planes[1].members[2] control plane groups cannot be nested: "grp2" is a group',
    ]);
  });

  it('a configuration needs a cloud gateway control plane and groups matching their network', () => {
    const found = problems({
      'p.yaml': yaml(
        'control_planes: [{name: cp}]',
        'cloud_gateways:',
        '  networks:',
        NETWORK,
        '  configurations:',
        '  - control_plane: cp',
        '    dataplane_groups:',
        '    - {provider: aws, region: eu-west-1, network: net}',
        '    - provider: aws',
        '      region: eu-west-1',
        '      environment: [{name: KONG_LOG_LEVEL, value: debug}, {name: KONG_LOG_LEVEL, value: info}]',
      ),
    });
    expect(found.map((p) => `${p.line}:${p.path} ${p.message}`)).toEqual([
      '6:cloud_gateways.configurations[0].control_plane control plane "cp" needs cloud_gateway: true to have a cloud gateway configuration',
      '8:cloud_gateways.configurations[0].dataplane_groups[0].network network "net" is in aws/us-east-2, not aws/eu-west-1',
      '9:cloud_gateways.configurations[0].dataplane_groups[1] two data plane groups in aws/eu-west-1',
      '11:cloud_gateways.configurations[0].dataplane_groups[1].environment[1].name environment variable KONG_LOG_LEVEL is set twice',
    ]);
  });

  it('a custom domain needs a cloud gateway control plane', () => {
    expect(onlyProblem({ 'p.yaml': yaml('control_planes: [{name: cp}]', 'cloud_gateways:', '  custom_domains: [{control_plane: cp, domain: a.example.com}]') }).message).toBe(
      'control plane "cp" is not a cloud gateway (cloud_gateway: true)',
    );
  });

  it('add-on owners: group vs control plane, and one cache per owner', () => {
    const found = problems({
      'p.yaml': yaml(
        'control_planes:',
        '- {name: cp, cloud_gateway: true}',
        '- {name: grp, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP}',
        'cloud_gateways:',
        '  add_ons:',
        `  - {name: a, owner: {control_plane_group: cp}, ${CACHE}}`,
        `  - {name: b, owner: {control_plane: grp}, ${CACHE}}`,
        `  - {name: c, owner: {control_plane: cp}, ${CACHE}}`,
        `  - {name: d, owner: {control_plane: cp}, ${CACHE}}`,
      ),
    });
    expect(found.map((p) => `${p.line} ${p.message}`)).toEqual([
      '6 "cp" is not a control plane group; use owner.control_plane',
      '7 "grp" is a control plane group; use owner.control_plane_group',
      '9 add-on "c" already has this owner; Konnect allows one managed cache per owner',
    ]);
  });

  it('gateway entities cannot go to a control plane group', () => {
    const problem = onlyProblem({
      'p.yaml': yaml('control_planes: [{name: grp, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP}]'),
      'g.yaml': yaml('_konnect: {control_plane_name: grp}', 'services: [{name: a, host: h}, {name: b, host: h}]'),
    });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 2, message: expect.stringContaining('control plane "grp" is a control plane group') });
  });

  it('accepts a consistent DCGW setup', () => {
    const state = load({
      'p.yaml': yaml(
        'control_planes: [{name: cp, cloud_gateway: true}]',
        'cloud_gateways:',
        '  networks:',
        NETWORK,
        '  configurations:',
        '  - {control_plane: cp, version: "3.11", dataplane_groups: [{provider: aws, region: us-east-2, network: net, autoscale: {kind: autopilot, base_rps: 1}}]}',
        `  add_ons: [{name: cache, owner: {control_plane: cp}, ${CACHE}}]`,
      ),
    });
    expect(state.entities.map((e) => `${e.kind}:${e.key}`)).toEqual(['control_plane:cp', 'network:net', 'configuration:cp', 'add_on:cache']);
  });
});
