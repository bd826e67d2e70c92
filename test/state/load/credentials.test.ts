import { describe, expect, it } from 'vitest';
import { entity, keys, load, onlyProblem, yaml } from './helpers.js';

const header = ['_konnect: { control_plane_name: cp }'];

describe('consumer credentials', () => {
  it('loads every credential list nested under its consumer, referencing it', () => {
    const state = load({
      'g.yaml': yaml(
        ...header,
        '_info: { select_tags: [team] }',
        'consumers:',
        '- username: alice',
        '  keyauth_credentials: [{ key: k1, ttl: 60 }]',
        '  basicauth_credentials: [{ username: alice-b, password: pw }]',
        '  acls: [{ group: admins, tags: [a] }]',
        '  jwt_secrets: [{ key: iss, algorithm: HS512 }]',
        '  hmacauth_credentials: [{ username: alice-h }]',
      ),
    });
    expect(state.warnings ?? []).toEqual([]);
    expect(entity(state, 'basic_auth', 'cp/alice/alice-b').fields).toEqual({ username: 'alice-b', password: 'pw', consumer: 'alice', tags: ['team'] });
    expect(entity(state, 'acl', 'cp/alice/admins').fields).toEqual({ group: 'admins', consumer: 'alice', tags: ['a', 'team'] });
    expect(entity(state, 'hmac_auth', 'cp/alice/alice-h').source).toMatchObject({ file: 'g.yaml', line: 9, path: 'consumers[0].hmacauth_credentials[0]' });
    const keyAuth = state.entities.find((e) => e.kind === 'key_auth')!;
    expect(keyAuth.fields).toEqual({ key: 'k1', ttl: 60, consumer: 'alice', tags: ['team'] });
    expect(state.entities.find((e) => e.kind === 'jwt_secret')!.fields).toMatchObject({ key: 'iss', algorithm: 'HS512', consumer: 'alice' });
    expect(keys(state).filter((k) => k.startsWith('key_auth:') || k.startsWith('jwt_secret:'))).toHaveLength(2);
  });

  it('keeps secret key values out of entity keys (they name operations in plans)', () => {
    const state = load(
      { 'g.yaml': yaml(...header, 'consumers:', '- username: alice', '  keyauth_credentials:', '  - key: ${{ env "DECK_ALICE_KEY" }}') },
      { env: { DECK_ALICE_KEY: 'very-secret-api-key' } },
    );
    const keyAuth = state.entities.find((e) => e.kind === 'key_auth')!;
    expect(keyAuth.fields.key).toBe('very-secret-api-key');
    expect(keyAuth.key).toMatch(/^cp\/alice\/key-[0-9a-f]{12}$/);
    expect(state.env.map((use) => use.name)).toEqual(['DECK_ALICE_KEY']);
  });

  it('rejects unknown fields with their file and line (decK field names only)', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...header, 'consumers:', '- username: alice', '  acls:', '  - group: admins', '    name: admins') });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 6, path: 'consumers[0].acls[0].name' });
  });

  it('requires the field that names a credential', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...header, 'consumers:', '- username: alice', '  keyauth_credentials:', '  - ttl: 5') });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 5 });
    expect(problem.message).toContain('key');
  });

  it('_info.skip_hash_for_basic_auth: true (or the flag) makes a basic-auth password a hash stored as sent; only in that file', () => {
    const file = (flag: string) => yaml(...header, flag, 'consumers:', '- username: alice', '  basicauth_credentials: [{ username: alice-b, password: 5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8 }]');
    const password = (state: ReturnType<typeof load>) => entity(state, 'basic_auth', 'cp/alice/alice-b').fields;
    const hashed = { username: 'alice-b', consumer: 'alice', password_hash: '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' };
    const plain = { username: 'alice-b', consumer: 'alice', password: '5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' };
    expect(password(load({ 'g.yaml': file('_info: { skip_hash_for_basic_auth: true }') }))).toEqual(hashed);
    expect(password(load({ 'g.yaml': file('_info: { skip_hash_for_basic_auth: false }') }))).toEqual(plain);
    expect(password(load({ 'g.yaml': file('_info: {}') }, { storeAsSent: true }))).toEqual(hashed);
    const other = yaml('_konnect: { control_plane_name: cp }', 'consumers:', '- username: bob', '  basicauth_credentials: [{ username: bob-b, password: pw }]');
    const both = load({ 'g.yaml': file('_info: { skip_hash_for_basic_auth: true }'), 'h.yaml': other });
    expect(entity(both, 'basic_auth', 'cp/bob/bob-b').fields).toEqual({ username: 'bob-b', consumer: 'bob', password: 'pw' });
  });

  it('refuses a credential naming another consumer than the one it is nested in', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...header, 'consumers:', '- username: alice', '  basicauth_credentials:', '  - { username: b, password: p, consumer: bob }') });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 5 });
  });
});
