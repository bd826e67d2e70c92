import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';
import { consumerKey } from './consumer.js';

/** A consumer's membership of a consumer group: its own resource in Konnect's API. */
export const consumerGroupMember = coreEntity({
  kind: 'consumer_group_member',
  title: 'consumer group membership',
  collection: 'consumers',
  file: {
    nested: [
      { in: 'consumer', as: 'groups', ref: 'consumer', map: { name: 'consumer_group', id: 'consumer_group' } },
      { in: 'consumer_group', as: 'consumers', ref: 'consumer_group', map: { username: 'consumer', custom_id: 'consumer', id: 'consumer' }, declares: 'consumer' },
    ],
  },
  identity: (fields) => (str(fields.consumer_group) && str(fields.consumer) ? `${fields.consumer_group}/${fields.consumer}` : undefined),
  refs: [
    { path: 'consumer_group', kind: 'consumer_group', lookup: 'consumer_groups' },
    { path: 'consumer', kind: 'consumer', lookup: 'consumers' },
  ],
  parent: { kind: 'consumer_group', field: 'consumer_group', collection: 'consumer_groups' },
  overrides: {
    // No `tags` among its sets: a membership has no tags, so the loader adds no select tags to it.
    sets: () => [],
    // Konnect has no schema for a membership (it is a link, not an entity): validating it as a consumer refuses it.
    validateAs: undefined,
    paths: {
      list: '/control-planes/{controlPlaneId}/core-entities/consumer_groups/{parentId}/consumers',
      item: '/control-planes/{controlPlaneId}/core-entities/consumer_groups/{parentId}/consumers/{ref:consumer}',
      pagination: 'offset',
      pageSize: 1000,
    },
    write: {
      create: { method: 'POST', path: 'list' },
      update: 'replace',
      delete: { method: 'DELETE', path: 'item' },
    },
    encode: (fields, ctx) => ({ consumer: ctx.id('consumer', String(fields.consumer)) }),
    // Listed under a group, each item is the member consumer.
    decode: (raw, ctx) => ({
      consumer_group: ctx.parentKey ?? null,
      consumer: consumerKey(raw, String(raw.id)) ?? null,
    }),
  },
});
