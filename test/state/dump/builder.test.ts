import { describe, expect, it } from 'vitest';
import { DumpBuilder, dumpState, toYaml } from '../../../src/state/dump/index.js';
import type { Entity } from '../../../src/model/entity.js';
import type { KindName } from '../../../src/kinds/kind-names.js';
import { GATEWAY_DEPENDENCIES } from '../../../src/state/read/dependencies.js';

const cp = 'payments';
const gateway = (kind: KindName, local: string, id: string, fields: Entity['fields']): Entity => ({ kind, key: `${cp}/${local}`, controlPlane: cp, id, fields, raw: { id } });

const live: Entity[] = [
  { kind: 'control_plane', key: cp, id: 'cp-1', fields: { name: cp }, raw: { id: 'cp-1' } },
  gateway('service', 'orders', 's-1', { name: 'orders', host: 'orders.internal', tags: ['a'] }),
  gateway('service', 'billing', 's-2', { name: 'billing', host: 'billing.internal' }),
  gateway('route', 'orders-r', 'r-1', { name: 'orders-r', service: 'orders', paths: ['/o'] }),
  gateway('upstream', 'up', 'u-1', { name: 'up' }),
  gateway('target', 'up/10.0.0.1:80', 't-1', { upstream: 'up', target: '10.0.0.1:80', weight: 100 }),
  gateway('consumer', 'alice', 'c-1', { username: 'alice' }),
  gateway('key_auth', 'alice/k-1', 'k-1', { consumer: 'alice', key: 'secret-key' }),
  gateway('plugin', 'cors|route=orders-r', 'p-1', { name: 'cors', route: 'orders-r', config: { origins: ['*'] } }),
];

/** One kind's entities sorted by key, as the read hands them over. */
const ofKind = (kind: KindName) => live.filter((entity) => entity.kind === kind).sort((a, b) => (a.key < b.key ? -1 : 1));

/** A kind's batch comes only after the kinds it depends on, as the read delivers them; otherwise latest kinds first. */
function dependencyOrderLatestFirst(kinds: KindName[]): KindName[] {
  const out: KindName[] = [];
  const left = [...kinds];
  while (left.length > 0) {
    const ready = left.filter((kind) => [...(GATEWAY_DEPENDENCIES.get(kind) ?? [])].every((dependency) => !left.includes(dependency)));
    const next = ready.at(-1)!;
    out.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return out;
}

describe('DumpBuilder fed kind by kind', () => {
  it('writes the files dumpState writes, byte for byte, whatever order the kinds come in after their dependencies', () => {
    const builder = new DumpBuilder({ withId: true });
    builder.add('control_plane', live.filter((entity) => entity.kind === 'control_plane'));
    const kinds = [...new Set(live.filter((entity) => entity.controlPlane === cp).map((entity) => entity.kind))];
    const order = dependencyOrderLatestFirst(kinds);
    // The point of the test: consumers come before services here, yet services are written first.
    expect(order.indexOf('consumer')).toBeLessThan(order.indexOf('service'));
    for (const kind of order) builder.add(kind, ofKind(kind), cp);
    const streamed = builder.finish();
    const after = dumpState({ entities: live }, { withId: true });
    expect(streamed.documents.map((document) => toYaml(document, builder.rendered))).toEqual(after.documents.map((document) => toYaml(document)));
    expect(streamed.warnings).toEqual(after.warnings);
  });

  it('writes the same bytes when entities are prepared ahead, in any order, before their kinds are added', () => {
    for (const options of [{ withId: true }, { selectTags: ['a'] }, {}]) {
      const builder = new DumpBuilder(options);
      builder.add('control_plane', live.filter((entity) => entity.kind === 'control_plane'));
      for (const entity of [...live].reverse()) builder.prepare(entity);
      for (const kind of dependencyOrderLatestFirst([...new Set(live.filter((entity) => entity.controlPlane === cp).map((entity) => entity.kind))])) builder.add(kind, ofKind(kind), cp);
      const streamed = builder.finish();
      const after = dumpState({ entities: live }, options);
      expect(streamed.documents.map((document) => toYaml(document, builder.rendered))).toEqual(after.documents.map((document) => toYaml(document)));
      expect(streamed.warnings).toEqual(after.warnings);
    }
  });

  it('renders a list ahead only once nothing more can be nested into its items', () => {
    const builder = new DumpBuilder();
    builder.add('control_plane', live.filter((entity) => entity.kind === 'control_plane'));
    builder.add('consumer', ofKind('consumer'), cp);
    builder.add('service', ofKind('service'), cp);
    // Services take nothing nested; consumers wait for their credentials.
    expect(builder.rendered.size).toBe(1);
    builder.add('key_auth', ofKind('key_auth'), cp);
    expect(builder.rendered.size).toBe(1);
    for (const kind of ['basic_auth', 'acl', 'jwt_secret', 'hmac_auth', 'mtls_auth', 'consumer_group_member'] as const) builder.add(kind, [], cp);
    expect(builder.rendered.size).toBe(2);
    const payments = builder.finish().documents.find((document) => document.controlPlane === cp)!;
    expect(toYaml(payments, builder.rendered)).toContain('keyauth_credentials');
  });
});
