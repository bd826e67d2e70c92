import { describe, expect, it } from 'vitest';
import { someAt } from '../../src/diff/json-tools.js';
import { getAll } from '../../src/model/paths.js';
import type { Json } from '../../src/model/json.js';

const ROOTS: Json[] = [
  { service: 'id:1', partials: [{ name: 'id:2' }, { name: 'redis' }, null], members: ['a', 'id:3'], config: { redis: { host: 'id:4' } } },
  { service: 'orders', partials: [{ path: 'x' }], members: [], config: { redis: null } },
  { service: null, partials: 'not a list', members: null, config: [] },
  {},
];
const PATHS = ['service', 'partials[].name', 'members[]', 'config.redis.host', 'missing.deeper'];
const isId = (value: Json) => typeof value === 'string' && value.startsWith('id:');

describe('someAt', () => {
  it('answers what getAll(...).some(...) answers, at every path shape', () => {
    for (const root of ROOTS) for (const path of PATHS) expect(someAt(root, path, isId), `${path} in ${JSON.stringify(root)}`).toBe(getAll(root, path).some(isId));
    expect(someAt(ROOTS[0]!, 'partials[].name', isId)).toBe(true);
  });
});
