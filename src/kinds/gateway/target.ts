import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const target = coreEntity({
  kind: 'target',
  title: 'target',
  collection: 'targets',
  file: { nested: [{ in: 'upstream', as: 'targets', ref: 'upstream' }] },
  identity: (fields) => (str(fields.upstream) && str(fields.target) ? `${fields.upstream}/${fields.target}` : undefined),
  refs: [{ path: 'upstream', kind: 'upstream' }],
  parent: { kind: 'upstream', field: 'upstream', collection: 'upstreams' },
});
