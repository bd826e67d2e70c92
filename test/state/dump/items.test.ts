import { describe, expect, it } from 'vitest';
import { withoutNulls } from '../../../src/state/dump/items.js';
import type { JsonObject } from '../../../src/model/json.js';

describe('withoutNulls (what a dumped item leaves out)', () => {
  it('drops null keys at every depth and objects left empty by that, keeping objects that were empty and arrays', () => {
    const value: JsonObject = {
      a: null,
      b: { c: null },
      d: {},
      e: [null, { f: null, g: 1 }, {}],
      h: { i: { j: null }, k: 'x' },
      l: 0,
      m: false,
      n: '',
    };
    expect(withoutNulls(value)).toEqual({ d: {}, e: [null, { g: 1 }, {}], h: { k: 'x' }, l: 0, m: false, n: '' });
    expect(value.b).toEqual({ c: null });
  });
});
