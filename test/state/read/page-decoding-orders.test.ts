import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decoder } from '../../../src/state/read/decoder.js';
import { PageDecoding } from '../../../src/state/read/page-decoding.js';
import type { RawItem } from '../../../src/state/read/raw-store.js';
import type { Entity } from '../../../src/model/entity.js';
import type { KindName } from '../../../src/kinds/kind-names.js';
import type { JsonObject } from '../../../src/model/json.js';

const cp = 'payments';
/** Kinds in dependency order, and what each one's items may name. */
const KINDS: Array<[KindName, Array<[string, KindName]>]> = [
  ['service', []],
  ['consumer', []],
  ['route', [['service', 'service']]],
  ['plugin', [['service', 'service'], ['route', 'route'], ['consumer', 'consumer']]],
];

const shown = (entities: readonly Entity[]) => entities.map((entity) => ({ kind: entity.kind, key: entity.key, fields: entity.fields }));

/** Listings: per kind, items with ids `<kind>-<n>` (names may repeat: ties keep listing order) naming ids that may not exist. */
const listings = fc
  .tuple(...KINDS.map(([kind, refs]) =>
    fc.array(
      fc.record({
        name: fc.constantFrom('a', 'b', 'c', 'd'),
        refs: fc.array(fc.tuple(fc.constantFrom(...(refs.length > 0 ? refs : [['none', 'service'] as [string, KindName]])), fc.integer({ min: 0, max: 5 })), { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ).map((drafts) =>
      drafts.map((draft, index): RawItem => {
        const raw: JsonObject = { id: `${kind}-${index}`, name: kind === 'plugin' ? 'cors' : `${draft.name}${kind === 'consumer' ? '' : ''}` };
        if (kind === 'consumer') raw.username = draft.name;
        if (kind === 'service') raw.host = 'h';
        if (kind === 'plugin') raw.config = {};
        for (const [[field, target], n] of draft.refs) if (field !== 'none') raw[field] = { id: `${target}-${n}` };
        return { raw };
      }),
    ),
  ));

describe('PageDecoding in any arrival order', () => {
  it('gives each entity once, early or at settle, and settles to what decoding whole listings in order gives', () => {
    fc.assert(
      fc.property(listings, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }), fc.infiniteStream(fc.nat()), fc.boolean(), (lists, pageSizes, choices, startLate) => {
        // Reference: each whole listing decoded in dependency order, sorted by key (stable).
        const reference = new Decoder('us');
        const expected = KINDS.flatMap(([kind], k) =>
          shown(reference.decodeKind(cp, kind, lists[k]!).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))),
        );

        const early: Entity[] = [];
        const decoding = new PageDecoding(new Decoder('us'), cp, (entity) => early.push(entity));
        if (!startLate) decoding.start();
        // Pages of every kind arrive interleaved; a kind settles once listed whole and the kinds before it settled.
        const pages = KINDS.map((_, k) => {
          const out: RawItem[][] = [];
          for (let i = 0; i < lists[k]!.length; i += pageSizes[k]!) out.push(lists[k]!.slice(i, i + pageSizes[k]!));
          return out;
        });
        const next = KINDS.map(() => 0);
        const settledLists: Entity[][] = [];
        const pick = choices[Symbol.iterator]();
        let settledCount = 0;
        for (let guard = 0; guard < 1000 && settledCount < KINDS.length; guard++) {
          const open = KINDS.map((_, k) => k).filter((k) => next[k]! < pages[k]!.length);
          const canSettle = settledCount < KINDS.length && next[settledCount]! === pages[settledCount]!.length;
          const options = [...open.map((k) => ({ add: k })), ...(canSettle ? [{ settle: settledCount }] : [])];
          const choice = options[pick.next().value % options.length]!;
          if ('add' in choice) {
            decoding.add(KINDS[choice.add]![0], pages[choice.add]![next[choice.add]!]!);
            next[choice.add]!++;
          } else {
            settledLists.push(decoding.settle(KINDS[choice.settle]![0]));
            settledCount++;
          }
        }
        expect(settledCount).toBe(KINDS.length);
        const settled = settledLists.flat();
        expect(shown(settled)).toEqual(expected);
        // Every entity told exactly once, and the same objects as settled.
        expect(early.length).toBe(settled.length);
        expect(new Set(early)).toEqual(new Set(settled));
      }),
      { numRuns: 500 },
    );
  });
});
