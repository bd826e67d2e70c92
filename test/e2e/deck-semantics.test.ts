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
