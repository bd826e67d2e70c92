import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/model/entity.js';
import { entityFinder } from '../../../src/state/load/entity-finder.js';

const entity = (kind: Entity['kind'], key: string): Entity => ({ kind, key, fields: {} });

describe('entityFinder', () => {
  it('finds an entity by kind and key; the same key in another kind is another entity', () => {
    const cp = entity('control_plane', 'prod');
    const network = entity('network', 'prod');
    const find = entityFinder([entity('service', 'prod/orders'), cp, network]);
    expect(find('control_plane', 'prod')).toBe(cp);
    expect(find('network', 'prod')).toBe(network);
    expect(find('service', 'prod')).toBeUndefined();
    expect(find('custom_plugin', 'prod/x')).toBeUndefined();
  });
});
