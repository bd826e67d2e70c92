import { describe, expect, it } from 'vitest';
import { Decoder } from '../../../src/state/read/decoder.js';
import { PageDecoding } from '../../../src/state/read/page-decoding.js';
import type { RawItem } from '../../../src/state/read/raw-store.js';
import type { Entity } from '../../../src/model/entity.js';
import type { KindName } from '../../../src/kinds/kind-names.js';

const cp = 'payments';
const services: RawItem[] = ['b', 'a', 'c'].map((name) => ({ raw: { id: `s-${name}`, name, host: `${name}.internal` } }));
// Route r-x names a service that is never listed: it keeps the id.
const routes: RawItem[] = [
  { raw: { id: 'r-2', name: 'two', service: { id: 's-c' } } },
  { raw: { id: 'r-1', name: 'one', service: { id: 's-a' } } },
  { raw: { id: 'r-x', name: 'lost', service: { id: 's-gone' } } },
];
const plugins: RawItem[] = [
  { raw: { id: 'p-1', name: 'cors', route: { id: 'r-1' }, config: {} } },
  { raw: { id: 'p-2', name: 'cors', service: { id: 's-b' }, config: {} } },
];
const listings: Array<[KindName, RawItem[]]> = [
  ['service', services],
  ['route', routes],
  ['plugin', plugins],
];

const shown = (entities: readonly Entity[]) => entities.map((entity) => ({ kind: entity.kind, key: entity.key, fields: entity.fields }));

/** What decoding each whole listing in dependency order gives (the read before pages were decoded as they came). */
function wholeListings(): ReturnType<typeof shown> {
  const decoder = new Decoder('us');
  const byKey = (a: Entity, b: Entity) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return listings.flatMap(([kind, items]) => shown(decoder.decodeKind(cp, kind, items).sort(byKey)));
}

describe('PageDecoding: pages decoded as they are listed', () => {
  it('decodes an item once the ids it names are known, and settles to what the whole listings give', () => {
    const early: string[] = [];
    const decoding = new PageDecoding(new Decoder('us'), cp, (entity) => early.push(entity.key));
    decoding.start();
    // Worst order: every referrer before what it names, one item a page.
    decoding.add('plugin', plugins.slice(0, 1));
    decoding.add('route', routes.slice(0, 2));
    expect(early).toEqual([]);
    decoding.add('service', services.slice(0, 2));
    // s-a came: route one, then the plugin on it, without waiting for the listings to end.
    expect(early).toEqual([`${cp}/b`, `${cp}/a`, `${cp}/one`, `${cp}/cors|route=one`]);
    decoding.add('service', services.slice(2));
    expect(early).toContain(`${cp}/two`);
    decoding.add('route', routes.slice(2));
    decoding.add('plugin', plugins.slice(1));
    expect(early).toContain(`${cp}/cors|service=b`);
    expect(early).not.toContain(`${cp}/lost`);
    const settled = listings.flatMap(([kind]) => shown(decoding.settle(kind)));
    expect(settled).toEqual(wholeListings());
    expect(settled.find((entity) => entity.key === `${cp}/lost`)?.fields.service).toBe('id:s-gone');
  });

  it('decodes an item naming an id that never came once that id\'s kind settles, not when its own does', () => {
    const early: string[] = [];
    const decoding = new PageDecoding(new Decoder('us'), cp, (entity) => early.push(entity.key));
    decoding.start();
    decoding.add('service', services);
    decoding.add('route', routes);
    expect(early).not.toContain(`${cp}/lost`);
    decoding.settle('service');
    expect(early).toContain(`${cp}/lost`);
  });

  it('keeps what is listed before start, and decodes it then', () => {
    const early: string[] = [];
    const decoding = new PageDecoding(new Decoder('us'), cp, (entity) => early.push(entity.key));
    for (const [kind, items] of listings) decoding.add(kind, items);
    expect(early).toEqual([]);
    decoding.start();
    expect(early).toHaveLength(services.length + routes.length - 1 + plugins.length);
    expect(listings.flatMap(([kind]) => shown(decoding.settle(kind)))).toEqual(wholeListings());
  });
});
