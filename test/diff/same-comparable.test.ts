import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparablePair, sameComparable } from '../../src/diff/normalize.js';
import { kindOf, type KindName } from '../../src/kinds/registry.js';
import { deepEqual, type Json, type JsonObject } from '../../src/model/json.js';
import type { Entity } from '../../src/model/entity.js';

const entity = (kind: KindName, fields: JsonObject): Entity => ({ kind, key: 'cp/x', controlPlane: 'cp', fields });

// Fields near each kind's defaults, sets, ignored and generated paths, so that equal and nearly equal pairs are common.
const leaf = fc.constantFrom<Json>(null, 'a', 'b', 1, 80, true, false, 'local', 'http', 'https', 6379);
const value: fc.Arbitrary<Json> = fc.letrec<{ node: Json; object: JsonObject }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(fc.constantFrom('policy', 'minute', 'namespace', 'host', 'port', 'x', 'redis', 'path', 'name'), tie('node'), { maxKeys: 3 }),
})).node;
const KEYS: Record<string, string[]> = {
  plugin: ['enabled', 'protocols', 'tags', 'config', 'partials', 'instance_name', 'ordering'],
  service: ['host', 'port', 'protocol', 'retries', 'tags', 'path', 'enabled', 'tls_verify', 'ca_certificates'],
  route: ['paths', 'hosts', 'methods', 'protocols', 'strip_path', 'tags', 'headers', 'https_redirect_status_code'],
};
const fieldsOf = (kind: string) =>
  fc.dictionary(fc.constantFrom(...KEYS[kind]!), value, { maxKeys: 5 });
const pluginName = fc.constantFrom('rate-limiting', 'rate-limiting-advanced', 'request-transformer', 'cors');

describe('sameComparable (pairs judged equal without building their comparison forms)', () => {
  it('answers true only for pairs whose comparison forms are deepEqual (no false no-drift), per kind', () => {
    for (const kind of ['plugin', 'service', 'route'] as const) {
      let same = 0;
      fc.assert(
        fc.property(fieldsOf(kind), fieldsOf(kind), pluginName, fc.boolean(), (a, b, name, mirror) => {
          // Half the pairs start from the same fields, so that equal answers are frequent.
          const desiredFields: JsonObject = { ...a, name: kind === 'plugin' ? name : 'x' };
          const liveFields: JsonObject = mirror ? { ...b, ...structuredClone(a), name: desiredFields.name! } : { ...b, name: desiredFields.name! };
          const descriptor = kindOf(kind);
          const desired = entity(kind, desiredFields);
          const live = entity(kind, liveFields);
          if (!sameComparable(desired, live, descriptor)) return;
          same++;
          const { before, after } = comparablePair(desired, live, descriptor);
          expect(deepEqual(before, after), JSON.stringify({ desiredFields, liveFields })).toBe(true);
        }),
        { numRuns: 1500 },
      );
      expect(same, kind).toBeGreaterThan(50);
    }
  });
});
