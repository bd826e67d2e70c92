import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, sortKeysDeep } from '../../src/model/json.js';

// Fingerprints in saved plans hash canonicalJson: it must stay exactly JSON.stringify of the key-sorted copy.
const SAMPLES: unknown[] = [
  null,
  undefined,
  'text "quoted" \u2028',
  42.5,
  true,
  [],
  {},
  { b: 1, a: [3, { d: null, c: 'x' }], e: undefined },
  { '10': 'ten', '9': 'nine', b: 1, '01': 'padded', a: 2, '-1': 'negative', '4294967295': 'not an index', '4294967294': 'index' },
  JSON.parse('{"__proto__": {"polluted": true}, "z": 1, "a": 2}'),
  JSON.parse('{"__proto__": 5, "a": 2}'),
  [undefined, () => 1, { f: () => 1 }, [[]]],
  [1, , 3],
  { nested: { deeper: { '2': [{ y: 1, x: 2 }], '1': null } } },
  { 'ключ': 'ü', 'a\nb': 'c' },
];

describe('canonicalJson', () => {
  it('writes what JSON.stringify writes of the key-sorted copy', () => {
    for (const value of SAMPLES) expect(canonicalJson(value)).toBe(JSON.stringify(sortKeysDeep(value)));
  });

  it('agrees with the sorted copy on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === JSON.stringify(sortKeysDeep(value))), { numRuns: 500 });
  });
});
