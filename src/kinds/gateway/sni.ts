import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

export const sni = coreEntity({
  kind: 'sni',
  title: 'SNI',
  collection: 'snis',
  file: { key: 'snis', nested: [{ in: 'certificate', as: 'snis', ref: 'certificate' }] },
  identity: (fields) => str(fields.name),
  refs: [{ path: 'certificate', kind: 'certificate' }],
});
