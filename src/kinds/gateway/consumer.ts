import type { JsonObject } from '../../model/json.js';
import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';

/**
 * A consumer's key: its username, else `custom_id:<custom_id>`, else its id. Kong holds usernames and custom ids apart
 * (a custom_id-only consumer and one whose username has the same text are two consumers), so the keys must differ.
 */
export function consumerKey(fields: JsonObject, id?: string): string | undefined {
  const username = str(fields.username);
  if (username !== undefined) return username;
  const customId = str(fields.custom_id);
  return customId !== undefined ? `custom_id:${customId}` : id;
}

export const consumer = coreEntity({
  kind: 'consumer',
  title: 'consumer',
  collection: 'consumers',
  file: { key: 'consumers' },
  identity: consumerKey,
  overrides: {
    unique: ['username', 'custom_id'],
    // decK finds a consumer by username, else by custom_id: a new username with a known custom_id is an update.
    matchBy: ['custom_id'],
    // `consumer_groups[].consumers[{custom_id}]` names a consumer by its custom_id.
    referenceNames: (fields) => (str(fields.custom_id) !== undefined ? [String(fields.custom_id)] : []),
  },
});
