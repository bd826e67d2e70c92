import { describe, expect, it } from 'vitest';
import { dumpState } from '../../src/state/dump/index.js';
import type { Entity } from '../../src/model/entity.js';
import { load, yaml } from '../state/load/helpers.js';

const SERVICE_ID = '33333333-3333-4333-8333-333333333333';

const live: Entity[] = [
  { kind: 'service', key: 'cp/gql', controlPlane: 'cp', id: 'svc-1', fields: { name: 'gql', host: 'gql' }, raw: { id: 'svc-1' } },
  {
    kind: 'degraphql_route',
    key: 'cp/gql//users#q-1',
    controlPlane: 'cp',
    id: 'dg-1',
    fields: { service: 'gql', uri: '/users', query: 'query { users { id } }', methods: ['GET'] },
    raw: { id: 'dg-1' },
  },
  {
    kind: 'graphql_cost_decoration',
    key: 'cp/id:x/Query.users',
    controlPlane: 'cp',
    id: 'gc-1',
    fields: { service: `id:${SERVICE_ID}`, type_path: 'Query.users', add_constant: 3 },
    raw: { id: 'gc-1' },
  },
];

describe('dump of decK custom entities', () => {
  it('writes them as custom_entities items: type, id beside fields, references as decK objects', () => {
    const { documents, warnings } = dumpState({ entities: live }, { withId: true });
    expect(documents[0]!.content.custom_entities).toEqual([
      { type: 'degraphql_routes', id: 'dg-1', fields: { service: { name: 'gql' }, methods: ['GET'], query: 'query { users { id } }', uri: '/users' } },
    ]);
    // Its service is not dumped: a file naming it would not load.
    expect(warnings).toEqual(['GraphQL cost decoration cp/id:x/Query.users: its parent is not dumped, left out']);
  });

  it('follow their service under select tags, as nested entities do', () => {
    const tagged = live.map((entity) => (entity.kind === 'service' ? { ...entity, fields: { ...entity.fields, tags: ['team-a'] } } : entity));
    expect(dumpState({ entities: tagged }, { selectTags: ['team-a'] }).documents[0]!.content.custom_entities).toHaveLength(1);
    const other = dumpState({ entities: tagged }, { selectTags: ['team-b'] });
    expect(other.documents[0]?.content.custom_entities).toBeUndefined();
  });

  it('loads back what it wrote, with the pinned id', () => {
    const [doc] = dumpState({ entities: live.slice(0, 2) }, { withId: true }).documents;
    const state = load({ 'g.yaml': yaml(JSON.stringify(doc!.content)) });
    const route = state.entities.find((entity) => entity.kind === 'degraphql_route')!;
    expect(route).toMatchObject({ id: 'dg-1', fields: { service: 'gql', uri: '/users', methods: ['GET'] } });
  });
});
