import { describe, expect, it } from 'vitest';
import { entity, load, onlyProblem, yaml } from './helpers.js';

const header = ['_konnect: { control_plane_name: cp }'];
const CA_ID = '11111111-1111-4111-8111-111111111111';
const SET_ID = '22222222-2222-4222-8222-222222222222';

describe('decK keys and key sets', () => {
  it('loads keys referencing their set by name or by the id the set pins', () => {
    const state = load({
      'g.yaml': yaml(
        ...header,
        '_info: { select_tags: [team] }',
        'key_sets:',
        '- name: idp',
        `- { name: other, id: ${SET_ID} }`,
        'keys:',
        '- { name: signing, kid: k1, jwk: "{}", set: { name: idp } }',
        `- { kid: k2, pem: { public_key: pub, private_key: priv }, set: { id: ${SET_ID} } }`,
        '- { kid: k3, jwk: "{}" }',
      ),
    });
    expect(entity(state, 'key_set', 'cp/idp').fields).toEqual({ name: 'idp', tags: ['team'] });
    expect(entity(state, 'key', 'cp/signing').fields).toEqual({ name: 'signing', kid: 'k1', jwk: '{}', set: 'idp', tags: ['team'] });
    expect(entity(state, 'key', 'cp/kid:other/k2').fields).toMatchObject({ set: 'other', pem: { public_key: 'pub', private_key: 'priv' } });
    expect(entity(state, 'key', 'cp/kid:k3').fields.set).toBeUndefined();
  });

  it('refuses a key whose set no file declares, at the field', () => {
    expect(onlyProblem({ 'g.yaml': yaml(...header, 'keys:', '- { name: a, kid: k1, jwk: "{}", set: { name: nope } }') })).toMatchObject({
      line: 3,
      message: expect.stringContaining('references key set "nope", which no file declares'),
    });
  });
});

describe('decK mtls_auth_credentials', () => {
  it('loads them under their consumer with the CA certificate referenced by its pinned id', () => {
    const state = load({
      'g.yaml': yaml(
        ...header,
        'ca_certificates:',
        `- { id: ${CA_ID}, cert: CERT }`,
        'consumers:',
        '- username: alice',
        `  mtls_auth_credentials: [{ subject_name: alice@example.com, ca_certificate: { id: ${CA_ID} } }]`,
      ),
    });
    expect(state.warnings ?? []).toEqual([]);
    const ca = state.entities.find((e) => e.kind === 'ca_certificate')!;
    expect(entity(state, 'mtls_auth', 'cp/alice/alice@example.com').fields).toEqual({
      subject_name: 'alice@example.com',
      ca_certificate: ca.key.slice('cp/'.length),
      consumer: 'alice',
    });
  });
});

describe('decK custom_entities', () => {
  it('loads degraphql routes and cost decorations with their service', () => {
    const state = load({
      'g.yaml': yaml(
        ...header,
        '_info: { select_tags: [team] }',
        'services: [{ name: gql, host: gql.internal }]',
        'custom_entities:',
        '- type: degraphql_routes',
        '  fields: { service: { name: gql }, uri: /users, query: "query { users { id } }" }',
        '- type: graphql_ratelimiting_cost_decorations',
        '  fields: { service: { name: gql }, type_path: Query.users, add_constant: 2 }',
      ),
    });
    const route = state.entities.find((e) => e.kind === 'degraphql_route')!;
    expect(route.key).toMatch(/^cp\/gql\/\/users#q-[0-9a-f]{12}$/);
    // No tags in Konnect's schema: the select tags are not added.
    expect(route.fields).toEqual({ service: 'gql', uri: '/users', query: 'query { users { id } }' });
    expect(entity(state, 'graphql_cost_decoration', 'cp/gql/Query.users').fields).toEqual({ service: 'gql', type_path: 'Query.users', add_constant: 2 });
  });

  it('refuses a custom entity type Konnect does not serve, naming the ones it does', () => {
    expect(onlyProblem({ 'g.yaml': yaml(...header, 'custom_entities:', '- { type: rbac_things, fields: { a: 1 } }') })).toMatchObject({
      line: 3,
      message: expect.stringContaining('Konnect serves only these custom entities: degraphql_routes, graphql_ratelimiting_cost_decorations'),
    });
  });

  it('names a custom entity by what identifies it in messages', () => {
    expect(
      onlyProblem({ 'g.yaml': yaml(...header, 'custom_entities:', '- type: degraphql_routes', '  fields: { service: { name: nope }, uri: /users, query: q }') }).message,
    ).toContain('DeGraphQL route "/users"');
  });

  it('refuses a cost decoration without a service: Konnect writes them only under one', () => {
    expect(
      onlyProblem({ 'g.yaml': yaml(...header, 'custom_entities:', '- type: graphql_ratelimiting_cost_decorations', '  fields: { type_path: Query.users }') }),
    ).toMatchObject({ line: 4, message: expect.stringContaining('only under a service') });
  });

  it('refuses a degraphql route without its query', () => {
    const problem = onlyProblem({
      'g.yaml': yaml(...header, 'services: [{ name: gql, host: h }]', 'custom_entities:', '- type: degraphql_routes', '  fields: { service: { name: gql }, uri: /u }'),
    });
    expect(problem.message).toContain('query');
  });
});

describe('decK consumer credentials Konnect cannot hold', () => {
  it('refuses oauth2_credentials with the reason instead of dropping them', () => {
    expect(onlyProblem({ 'g.yaml': yaml(...header, 'consumers:', '- username: u', '  oauth2_credentials:', '  - name: app') })).toMatchObject({
      line: 4,
      message: expect.stringContaining('Konnect has no OAuth2 credentials'),
    });
  });
});
