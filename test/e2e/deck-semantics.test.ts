import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, startHarness, type Harness } from './harness.js';
import { expectRoundTrip } from './deck-round-trip.js';

const HEADER = ['_format_version: "3.0"', `_konnect: { control_plane_name: ${CP} }`];
type Listed = { data: Array<Record<string, unknown>> };

describe('decK semantics against the emulator', () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('groups/platform.yaml', platformYaml());
  });
  afterAll(async () => h?.stop());
  const list = async (path: string) => ((await h.api('GET', `${base}${path}`)) as Listed).data;

  it('consumers listed under consumer_groups[].consumers are created and added to the group (GDR ingestConsumerGroupConsumer)', async () => {
    await h.write(
      'groups/gateway.yaml',
      [...HEADER, 'consumer_groups:', '  - name: gold', '    consumers:', '      - { username: alice, custom_id: A1, tags: [vip] }', '      - { username: bob }', '  - name: silver', '    consumers: [{ username: bob }]', ''].join('\n'),
    );
    const dump = await expectRoundTrip(h, h.path('groups'), 'groups-dump');
    base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    const consumers = await list('/consumers');
    expect(consumers.map((c) => [c.username, c.custom_id ?? null, c.tags ?? []]).sort()).toEqual([['alice', 'A1', ['vip']], ['bob', null, []]]);
    expect((await list('/consumer_groups/gold/consumers')).map((c) => c.username).sort()).toEqual(['alice', 'bob']);
    expect((await list('/consumer_groups/silver/consumers')).map((c) => c.username)).toEqual(['bob']);
    const dumped = parse(await readFile(`${dump}/${CP}.yaml`, 'utf8')) as { consumers: Array<{ username: string; groups?: unknown[] }> };
    expect(dumped.consumers.find((c) => c.username === 'bob')?.groups).toHaveLength(2);
  });
});

describe('consumer identity against the emulator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('ids/platform.yaml', platformYaml());
  });
  afterAll(async () => h?.stop());
  const consumersFile = (username: string) =>
    [
      ...HEADER,
      'consumers:',
      `  - username: ${username}`,
      '    custom_id: crm-7',
      '    keyauth_credentials: [{ key: alice-key }]',
      '    plugins: [{ name: rate-limiting, config: { minute: 5 } }]',
      '  - custom_id: abc',
      '  - username: abc',
      '',
    ].join('\n');

  it('a custom_id-only consumer and a username with the same text are two consumers; both round-trip', async () => {
    await h.write('ids/gateway.yaml', consumersFile('alice'));
    await expectRoundTrip(h, h.path('ids'), 'ids-dump');
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    const consumers = ((await h.api('GET', `${base}/consumers`)) as Listed).data;
    expect(consumers.map((c) => `${c.username ?? '-'}/${c.custom_id ?? '-'}`).sort()).toEqual(['-/abc', 'abc/-', 'alice/crm-7']);
  });

  it('a new username with the same custom_id updates the consumer in place: same id, its credentials and plugins stay', async () => {
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    const before = (await h.api('GET', `${base}/consumers/alice`)) as { id: string };
    await h.write('ids/gateway.yaml', consumersFile('carol'));
    const plan = await h.run(['diff', '-s', h.path('ids'), ...h.konnect, '--output', 'json']);
    expect(plan.code, plan.out + plan.err).toBe(2);
    const ops = (JSON.parse(plan.out) as { operations: Array<{ action: string; kind: string }> }).operations;
    // Its credentials and plugins follow it: not deleted and created again.
    expect(ops.map((op) => `${op.action} ${op.kind}`)).toEqual(['update consumer']);
    const keyBefore = ((await h.api('GET', `${base}/consumers/${before.id}/key-auth`)) as Listed).data[0]!.id;
    await expectRoundTrip(h, h.path('ids'), 'ids-dump-2');
    const after = (await h.api('GET', `${base}/consumers/carol`)) as { id: string; custom_id: string };
    expect(after).toMatchObject({ id: before.id, custom_id: 'crm-7' });
    expect(((await h.api('GET', `${base}/consumers/${before.id}/key-auth`)) as Listed).data.map((c) => [c.id, c.key])).toEqual([[keyBefore, 'alice-key']]);
    expect(((await h.api('GET', `${base}/consumers/${before.id}/plugins`)) as Listed).data.map((p) => p.name)).toEqual(['rate-limiting']);
  });
});

describe('pinned ids against the emulator', () => {
  const PINNED = '5b1c6f0e-8f5e-4c1a-9d55-0a3e1f7c2b10';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('pin/platform.yaml', platformYaml());
  });
  afterAll(async () => h?.stop());
  const file = (id?: string, routes = false) =>
    [
      ...HEADER,
      'services:',
      '  - name: orders',
      ...(id ? [`    id: ${id}`] : []),
      '    host: orders.internal',
      ...(routes ? ['    routes: [{ name: orders-route, paths: [/orders] }]'] : []),
      '',
    ].join('\n');

  it('a file pinning another id than the live entity of that name ends with the pinned id (a replacement)', async () => {
    await h.write('pin/gateway.yaml', file());
    expect((await h.run(['sync', '-s', h.path('pin'), ...h.konnect, '--yes'])).code).toBe(0);
    await h.write('pin/gateway.yaml', file(PINNED));
    const plan = await h.run(['diff', '-s', h.path('pin'), ...h.konnect, '--output', 'json']);
    expect(plan.code, plan.out + plan.err).toBe(2);
    const ops = (JSON.parse(plan.out) as { operations: Array<{ action: string; kind: string; destructive: boolean }> }).operations;
    expect(ops.find((op) => op.kind === 'service')).toMatchObject({ action: 'replace', destructive: true });
    const replaced = await h.run(['sync', '-s', h.path('pin'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(replaced.code, replaced.out + replaced.err).toBe(0);
    await expectRoundTrip(h, h.path('pin'), 'pin-dump');
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    expect(await h.api('GET', `${base}/services/orders`)).toMatchObject({ id: PINNED });
  });

  it('a route that stays on the service makes the replacement a plan error naming it (Konnect refuses to delete a service in use)', async () => {
    await h.write('pin/gateway.yaml', file(PINNED, true));
    expect((await h.run(['sync', '-s', h.path('pin'), ...h.konnect, '--yes'])).code).toBe(0);
    await h.write('pin/gateway.yaml', file('0d5b9c8e-3f1a-4b7c-8e2d-6a4f9b1c3e57', true));
    const plan = await h.run(['diff', '-s', h.path('pin'), ...h.konnect]);
    expect(plan.code).toBe(1);
    expect(plan.err).toContain('route e2e-payments/orders-route still uses it');
  });
});

describe('entities without names against the emulator', () => {
  const SERVICE = '7f0c2a5e-1d3b-4c8a-9e6f-2b4d8a1c3e50';
  const ROUTE = '8a1d3b6f-2e4c-4d9b-8f7a-3c5e9b2d4f61';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('unnamed/platform.yaml', platformYaml());
    await h.write(
      'unnamed/gateway.yaml',
      [...HEADER, 'services:', `  - id: ${SERVICE}`, '    host: orders.internal', `    routes: [{ id: ${ROUTE}, paths: [/orders], plugins: [{ name: cors }] }]`, ''].join('\n'),
    );
  });
  afterAll(async () => h?.stop());

  it('dump writes the id wherever the id is the identity, and the dump diffs clean', async () => {
    const dump = await expectRoundTrip(h, h.path('unnamed'), 'unnamed-dump');
    const dumped = parse(await readFile(`${dump}/${CP}.yaml`, 'utf8')) as Record<string, unknown>;
    expect(dumped.services).toMatchObject([{ id: SERVICE }]);
    expect(dumped.routes).toMatchObject([{ id: ROUTE, service: SERVICE }]);
    expect(dumped.plugins).toMatchObject([{ name: 'cors', route: ROUTE }]);
    expect(dumped.plugins).not.toMatchObject([{ id: expect.anything() }]);
  });
});

describe('foreign keys by id to entities only Konnect has', () => {
  let h: Harness;
  let serviceId: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('fk/platform.yaml', platformYaml());
    // Another team's service, outside this file's select tags.
    await h.write('shared/platform.yaml', platformYaml());
    await h.write('shared/gateway.yaml', [...HEADER, '_info: { select_tags: [platform] }', 'services: [{ name: shared, host: shared.internal }]', ''].join('\n'));
    const synced = await h.run(['sync', '-s', h.path('shared'), ...h.konnect, '--yes']);
    expect(synced.code, synced.out + synced.err).toBe(0);
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    serviceId = ((await h.api('GET', `${base}/services/shared`)) as { id: string }).id;
  });
  afterAll(async () => h?.stop());
  const file = () =>
    [...HEADER, '_info: { select_tags: [team-a] }', 'routes:', `  - { name: team-route, paths: [/a], service: ${serviceId} }`, 'plugins:', `  - { name: cors, service: ${serviceId} }`, ''].join('\n');

  it('validate says "resolved at plan time" offline; sync resolves them against Konnect (decK)', async () => {
    await h.write('fk/gateway.yaml', file());
    const validated = await h.run(['validate', '-s', h.path('fk/gateway.yaml')]);
    expect(validated.code, validated.out + validated.err).toBe(0);
    expect(validated.out + validated.err).toContain(`references service ${serviceId} by id, which no file declares: resolved at plan time`);
    await expectRoundTrip(h, h.path('fk/gateway.yaml'), 'fk-dump', ['--select-tag', 'team-a']);
    const base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    expect(await h.api('GET', `${base}/routes/team-route`)).toMatchObject({ service: { id: serviceId } });
    expect(((await h.api('GET', `${base}/plugins`)) as Listed).data).toMatchObject([{ name: 'cors', service: { id: serviceId } }]);
  });

  it('an id of an entity the file claims (it would be deleted) stays a plan error saying so', async () => {
    await h.write('fk2/gateway.yaml', [...HEADER, 'routes:', `  - { name: other-route, paths: [/b], service: ${serviceId} }`, ''].join('\n'));
    const plan = await h.run(['diff', '-s', h.path('fk2/gateway.yaml'), ...h.konnect]);
    expect(plan.code).toBe(1);
    expect(plan.err).toContain('it exists in Konnect but is not in the desired state');
  });
});
