import { describe, expect, it } from 'vitest';
import { itemOf, withoutNulls } from '../../../src/state/dump/items.js';
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

describe('itemOf field order', () => {
  it('writes identity fields first, then the rest by name, for every item of one key set and whatever their insertion order', () => {
    const options = { withId: false, stripTags: [], skipDefaults: false };
    const service = (fields: JsonObject) => itemOf({ kind: 'service', key: `cp/${String(fields.name)}`, controlPlane: 'cp', fields }, options);
    const first = service({ port: 80, host: 'a.internal', name: 'a', protocol: 'http' });
    const second = service({ protocol: 'http', name: 'b', port: 81, host: 'b.internal' });
    const third = service({ host: 'c.internal', protocol: 'http', port: 82, name: 'c' });
    for (const item of [first, second, third]) expect(Object.keys(item)).toEqual(['name', 'host', 'port', 'protocol']);
    expect(Object.keys(service({ 'we\u0000ird': 1, name: 'd', a: 2 }))).toEqual(['name', 'a', 'we\u0000ird']);
  });
});
