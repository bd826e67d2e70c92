import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergedEqual, mergeWithoutNulls } from '../../src/diff/json-tools.js';
import { deepEqual, type JsonObject } from '../../src/model/json.js';

// (defaults, fields) pairs as a comparison sees them: nulls, nested objects, arrays of objects, key order, defaults.
const DEFAULTS: JsonObject = { port: 80, protocol: 'http', retries: 5, config: { minute: null, policy: 'local', redis: { host: null, port: 6379 } } };
const SAMPLES: Array<[JsonObject | undefined, JsonObject]> = [
  [undefined, {}],
  [undefined, { name: 'a' }],
  [undefined, { name: 'a', tags: null }],
  [undefined, { tags: ['x', 'y'], name: 'a' }],
  [undefined, { name: 'a', tags: ['y', 'x'] }],
  [DEFAULTS, { name: 'a' }],
  [DEFAULTS, { name: 'a', port: 80 }],
  [DEFAULTS, { name: 'a', port: null }],
  [DEFAULTS, { name: 'a', port: 81 }],
  [undefined, { name: 'a', port: 80, protocol: 'http', retries: 5, config: { policy: 'local', redis: { port: 6379 } } }],
  [DEFAULTS, { name: 'a', config: { minute: 10 } }],
  [DEFAULTS, { name: 'a', config: { minute: 10, redis: { host: 'r' } } }],
  [DEFAULTS, { name: 'a', config: { minute: 10, redis: null } }],
  [DEFAULTS, { name: 'a', config: 'text' }],
  [DEFAULTS, { name: 'a', config: [{ minute: 10, x: null }] }],
  [undefined, { name: 'a', config: [{ minute: 10 }] }],
  [undefined, { name: 'a', config: [{ minute: 10 }, null] }],
  [undefined, { name: 'a', config: [{ minute: 10 }, 1] }],
  [{ toString: 1 }, { name: 'a' }],
  [undefined, { name: 'a', toString: 1 }],
  [undefined, { name: 'a', constructor: null }],
];

describe('mergedEqual', () => {
  it('answers true exactly when the merged copies are deepEqual (or false where a key reads through the prototype)', () => {
    let equalPairs = 0;
    for (const [baseA, overA] of SAMPLES) {
      for (const [baseB, overB] of SAMPLES) {
        const copies = deepEqual(mergeWithoutNulls(baseA, overA), mergeWithoutNulls(baseB, overB));
        const lazy = mergedEqual(baseA, overA, baseB, overB);
        const throughPrototype = [baseA, overA, baseB, overB].some((value) => value !== undefined && ('toString' in value && Object.hasOwn(value, 'toString')));
        if (throughPrototype) expect(lazy && !copies, JSON.stringify([baseA, overA, baseB, overB])).toBe(false);
        else expect(lazy, JSON.stringify([baseA, overA, baseB, overB])).toBe(copies);
        if (lazy) equalPairs++;
      }
    }
    // Beyond each sample with itself: defaults written out, nulls for defaults, tags in another key order.
    expect(equalPairs).toBeGreaterThan(SAMPLES.length);
  });

  it('agrees with comparing the merged copies on generated objects', () => {
    // Small key and value alphabets, so that equal merges (and near misses) are common.
    const leaf = fc.oneof(fc.constant(null), fc.constantFrom('a', 'b'), fc.constantFrom(1, 2));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 2 }), tie('object')),
      object: fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('node'), { maxKeys: 3 }),
    }));
    const object = value.object as fc.Arbitrary<JsonObject>;
    const side = fc.tuple(fc.option(object, { nil: undefined }), object);
    fc.assert(
      fc.property(side, side, ([baseA, overA], [baseB, overB]) => mergedEqual(baseA, overA, baseB, overB) === deepEqual(mergeWithoutNulls(baseA, overA), mergeWithoutNulls(baseB, overB))),
      { numRuns: 2000 },
    );
  });

  it('never treats a `__proto__` key as equal data', () => {
    const withProto = JSON.parse('{"name": "a", "__proto__": {"x": 1}}') as JsonObject;
    expect(mergedEqual(undefined, withProto, undefined, JSON.parse('{"name": "a", "__proto__": {"x": 1}}') as JsonObject)).toBe(false);
    expect(mergedEqual(undefined, withProto, undefined, { name: 'a' })).toBe(false);
  });
});
