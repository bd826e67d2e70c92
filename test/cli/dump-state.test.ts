import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dumpState, toYaml } from '../../src/state/dump/index.js';
import type { Entity } from '../../src/model/entity.js';

const live: Entity[] = [
  { kind: 'provider_account', key: 'aws', id: 'pa-1', fields: { provider: 'aws' }, raw: { id: 'pa-1', provider: 'aws' } },
  { kind: 'control_plane', key: 'group', id: 'cp-g', fields: { name: 'group', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }, raw: { id: 'cp-g' } },
  { kind: 'control_plane', key: 'payments', id: 'cp-1', fields: { name: 'payments', labels: { team: 'payments' } }, raw: { id: 'cp-1' } },
  { kind: 'control_plane_membership', key: 'group', fields: { control_plane: 'group', members: ['payments'] }, raw: {} },
  { kind: 'network', key: 'net', id: 'n-1', fields: { name: 'net', provider: 'aws', cidr_block: '10.0.0.0/22' }, raw: { id: 'n-1' } },
  { kind: 'transit_gateway', key: 'net/tgw', id: 't-1', fields: { name: 'tgw', network: 'net', cidr_blocks: ['10.1.0.0/16'] }, raw: { id: 't-1' } },
  { kind: 'custom_domain', key: 'api.example.com', id: 'd-1', fields: { control_plane: 'payments', domain: 'api.example.com' }, raw: { id: 'd-1', certificate_id: 'c-1', sni_id: 's-1' } },
  { kind: 'certificate', key: 'payments/cert-abc', controlPlane: 'payments', id: 'c-1', fields: { cert: 'PEM' }, raw: { id: 'c-1' } },
  { kind: 'sni', key: 'payments/api.example.com', controlPlane: 'payments', id: 's-1', fields: { name: 'api.example.com', certificate: 'cert-abc' }, raw: { id: 's-1' } },
  { kind: 'partial', key: 'payments/konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159', controlPlane: 'payments', id: 'p-m', fields: { name: 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159', type: 'redis-ee', tags: ['konnect-managed'] }, raw: { id: 'p-m', name: 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159', tags: ['konnect-managed'] } },
  { kind: 'service', key: 'payments/orders', controlPlane: 'payments', id: 'svc-1', fields: { name: 'orders', host: 'orders', path: null, tags: ['team-a', 'x'] }, raw: { id: 'svc-1' } },
  { kind: 'service', key: 'payments/other', controlPlane: 'payments', id: 'svc-2', fields: { name: 'other', host: 'other', tags: ['team-b'] }, raw: { id: 'svc-2' } },
  { kind: 'upstream', key: 'payments/up', controlPlane: 'payments', id: 'u-1', fields: { name: 'up', tags: ['team-a'] }, raw: { id: 'u-1' } },
  { kind: 'target', key: 'payments/up/10.0.0.1:80', controlPlane: 'payments', id: 'tg-1', fields: { upstream: 'up', target: '10.0.0.1:80', weight: 100 }, raw: { id: 'tg-1' } },
  { kind: 'consumer', key: 'payments/alice', controlPlane: 'payments', id: 'con-1', fields: { username: 'alice', tags: ['team-a'] }, raw: { id: 'con-1' } },
  { kind: 'consumer_group', key: 'payments/gold', controlPlane: 'payments', id: 'cg-1', fields: { name: 'gold', tags: ['team-a'] }, raw: { id: 'cg-1' } },
  { kind: 'consumer_group_member', key: 'payments/gold/alice', controlPlane: 'payments', fields: { consumer_group: 'gold', consumer: 'alice' }, raw: {} },
  {
    kind: 'plugin',
    key: 'payments/rate-limiting-advanced|service=orders',
    controlPlane: 'payments',
    id: 'pl-1',
    fields: { name: 'rate-limiting-advanced', service: 'orders', partials: [{ name: 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159' }], config: { limit: [1], namespace: null }, tags: ['team-a'] },
    raw: { id: 'pl-1' },
  },
];

describe('dumpState', () => {
  const { documents, warnings } = dumpState({ entities: live });
  const platform = documents.find((d) => d.file === 'konnect.yaml')!.content;
  const payments = documents.find((d) => d.file === 'payments.yaml')!.content;

  it('writes platform resources by name, nesting what only lives in a parent', () => {
    expect(warnings).toEqual([]);
    expect(platform).toMatchObject({
      control_planes: [{ name: 'group', members: ['payments'] }, { name: 'payments', labels: { team: 'payments' } }],
      cloud_gateways: {
        networks: [{ name: 'net', transit_gateways: [{ name: 'tgw', cidr_blocks: ['10.1.0.0/16'] }] }],
        custom_domains: [{ control_plane: 'payments', domain: 'api.example.com' }],
      },
    });
    expect(JSON.stringify(platform)).not.toContain('provider_account');
    expect(JSON.stringify(platform.cloud_gateways)).not.toContain('"network"');
  });

  it('writes a decK-format file per control plane, without server-made entities, nulls or ids', () => {
    expect(payments._format_version).toBe('3.0');
    expect(payments._konnect).toEqual({ control_plane_name: 'payments' });
    expect(payments.certificates).toBeUndefined();
    expect(payments.snis).toBeUndefined();
    expect(payments.partials).toBeUndefined();
    expect(payments.services).toEqual([
      { name: 'orders', host: 'orders', tags: ['team-a', 'x'] },
      { name: 'other', host: 'other', tags: ['team-b'] },
    ]);
    expect(payments.upstreams).toEqual([{ name: 'up', tags: ['team-a'], targets: [{ target: '10.0.0.1:80', weight: 100 }] }]);
    expect(payments.consumers).toEqual([{ username: 'alice', groups: [{ name: 'gold' }], tags: ['team-a'] }]);
    expect(JSON.stringify(payments)).not.toMatch(/"id"/);
  });

  it('looks up a reference to a konnect-managed partial by its tags', () => {
    expect(payments._info).toEqual({ default_lookup_tags: { partials: ['konnect-managed'] } });
    expect(Object.keys(payments).slice(0, 3)).toEqual(['_format_version', '_konnect', '_info']);
  });

  it('--select-tag: only tagged entities, tags stripped, written as _info.select_tags', () => {
    const doc = dumpState({ entities: live }, { selectTags: ['team-a'], controlPlanes: ['payments'] }).documents;
    expect(doc.map((d) => d.file)).toEqual(['payments.yaml']);
    const content = doc[0]!.content;
    expect(content._info).toMatchObject({ select_tags: ['team-a'] });
    expect(content.services).toEqual([{ name: 'orders', host: 'orders', tags: ['x'] }]);
    expect(content.upstreams).toEqual([{ name: 'up', targets: [{ target: '10.0.0.1:80', weight: 100 }] }]);
  });

  it('--with-id writes gateway entities\' ids only (platform resources are matched by name)', () => {
    const docs = dumpState({ entities: live }, { withId: true }).documents;
    expect(JSON.stringify(docs.find((d) => d.file === 'konnect.yaml')!.content)).not.toContain('"id"');
    expect(docs.find((d) => d.file === 'payments.yaml')!.content.services).toContainEqual(expect.objectContaining({ id: 'svc-1' }));
  });

  it('renders YAML that parses back to the same content', () => {
    for (const document of documents) expect(parse(toYaml(document))).toEqual(document.content);
  });
});

describe('dump file names', () => {
  it('never lets one file overwrite another: a control plane named konnect, names that read the same', () => {
    const entities: Entity[] = [
      { kind: 'control_plane', key: 'konnect', id: 'cp-k', fields: { name: 'konnect' }, raw: { id: 'cp-k' } },
      { kind: 'service', key: 'konnect/a', controlPlane: 'konnect', id: 's-1', fields: { name: 'a', host: 'a' }, raw: { id: 's-1' } },
      { kind: 'service', key: 'team a/b', controlPlane: 'team a', id: 's-2', fields: { name: 'b', host: 'b' }, raw: { id: 's-2' } },
      { kind: 'service', key: 'team_a/c', controlPlane: 'team_a', id: 's-3', fields: { name: 'c', host: 'c' }, raw: { id: 's-3' } },
    ];
    const files = dumpState({ entities }).documents.map((d) => [d.file, d.controlPlane ?? null]);
    expect(files).toEqual([
      ['konnect.yaml', null],
      ['konnect-2.yaml', 'konnect'],
      ['team_a.yaml', 'team a'],
      ['team_a-2.yaml', 'team_a'],
    ]);
  });

  it('writes no hidden file (a directory walk would skip it): a control plane named .internal', () => {
    const entities: Entity[] = [{ kind: 'service', key: '.internal/a', controlPlane: '.internal', id: 's-1', fields: { name: 'a', host: 'a' }, raw: { id: 's-1' } }];
    expect(dumpState({ entities }).documents.map((d) => d.file)).toEqual(['_internal.yaml']);
  });
});

describe('dump of plugin definitions', () => {
  it('sets _info.include_plugin_definitions in a file that holds custom_plugins, as the loader requires', () => {
    const entities: Entity[] = [
      { kind: 'custom_plugin', key: 'cp/audit', controlPlane: 'cp', id: 'x-1', fields: { name: 'audit', handler: 'return {}', schema: 'return {}' }, raw: { id: 'x-1' } },
      { kind: 'service', key: 'other/a', controlPlane: 'other', id: 's-1', fields: { name: 'a', host: 'a' }, raw: { id: 's-1' } },
    ];
    const docs = new Map(dumpState({ entities }).documents.map((d) => [d.controlPlane, d.content]));
    expect(docs.get('cp')!._info).toEqual({ include_plugin_definitions: true });
    expect(docs.get('other')!._info).toBeUndefined();
  });
});
