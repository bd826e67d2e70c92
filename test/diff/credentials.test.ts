import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import type { Entity } from '../../src/model/entity.js';
import type { JsonObject } from '../../src/model/json.js';
import { GATEWAY_KINDS, type KindName } from '../../src/kinds/registry.js';
import { desiredEntity, desiredState, liveControlPlane, liveEntity, liveState, scope } from './helpers.js';

const CP = 'payments';
const CONSUMER_ID = '9d6bb6c5-0000-4000-8000-000000000001';
const claims = GATEWAY_KINDS.map((kind) => ({ kind: kind.kind, controlPlane: CP }));

const desired = (kind: KindName, fields: JsonObject) => desiredEntity(kind, { consumer: 'alice', ...fields }, { controlPlane: CP });

/** A credential as Konnect lists it under the consumer: ids, timestamps, nulls, the consumer as `{id}`. */
const live = (kind: KindName, raw: JsonObject, id: string) =>
  liveEntity(kind, { id, created_at: 1700000000, consumer: { id: CONSUMER_ID }, tags: null, ...raw }, { controlPlane: CP, parentKey: 'alice' });

const consumer = { desired: desiredEntity('consumer', { username: 'alice' }, { controlPlane: CP }), live: liveEntity('consumer', { id: CONSUMER_ID, username: 'alice', custom_id: null, tags: null, created_at: 1 }, { controlPlane: CP }) };

function plan(desiredCredentials: Entity[], liveCredentials: Entity[], env: Array<{ name: string; value: string }> = []) {
  const state = desiredState([consumer.desired, ...desiredCredentials], { claims, env, scopes: [scope(CP)] });
  return buildPlan(state, liveState([liveControlPlane(CP), consumer.live, ...liveCredentials]));
}

const files = () => [
  desired('key_auth', { key: 'k-123' }),
  desired('basic_auth', { username: 'alice-b', password: 'plain-pw' }),
  desired('acl', { group: 'admins' }),
  desired('jwt_secret', { key: 'iss-1' }),
  desired('hmac_auth', { username: 'alice-h', secret: 'hmac-secret' }),
];

const konnect = () => [
  live('key_auth', { key: 'k-123', ttl: null }, 'a0000000-0000-4000-8000-000000000001'),
  live('basic_auth', { username: 'alice-b', password: createHash('sha1').update(`plain-pw${CONSUMER_ID}`).digest('hex') }, 'a0000000-0000-4000-8000-000000000002'),
  live('acl', { group: 'admins' }, 'a0000000-0000-4000-8000-000000000003'),
  live('jwt_secret', { key: 'iss-1', algorithm: 'HS256', secret: 'server-generated-secret', rsa_public_key: null }, 'a0000000-0000-4000-8000-000000000004'),
  live('hmac_auth', { username: 'alice-h', secret: 'hmac-secret' }, 'a0000000-0000-4000-8000-000000000005'),
];

describe('consumer credentials in the plan', () => {
  it('no drift against Konnect-shaped credentials: hashed basic-auth password, generated jwt secret, counting-down ttl', () => {
    const ttlCounting = konnect().map((e) => (e.kind === 'key_auth' ? { ...e, fields: { ...e.fields, ttl: 3540 } } : e));
    const withTtl = files().map((e) => (e.kind === 'key_auth' ? { ...e, fields: { ...e.fields, ttl: 3600 } } : e));
    expect(plan(files(), konnect()).operations).toEqual([]);
    expect(plan(withTtl, ttlCounting).operations).toEqual([]);
  });

  it('creates credentials under their consumer, with the consumer in the path and the password in the body', () => {
    const ops = plan(files(), []).operations;
    expect(ops.map((op) => op.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    const basic = ops.find((op) => op.kind === 'basic_auth')!;
    expect(basic.requests).toEqual([
      {
        api: 'core-entities',
        method: 'POST',
        path: `/control-planes/{$id:control_plane:${CP}}/core-entities/consumers/{$id:consumer:${CP}/alice}/basic-auth`,
        body: { username: 'alice-b', password: 'plain-pw' },
        captures: `basic_auth:${CP}/alice/alice-b`,
      },
    ]);
    expect(basic.dependsOn).toEqual([]);
  });

  it('a jwt secret or hmac secret set in the file is compared', () => {
    const changed = files().map((e) => (e.kind === 'jwt_secret' ? { ...e, fields: { ...e.fields, secret: 'mine' } } : e));
    const ops = plan(changed, konnect()).operations;
    expect(ops.map((op) => `${op.action}:${op.kind}`)).toEqual(['update:jwt_secret']);
    expect(ops[0]!.requests[0]).toMatchObject({ method: 'PUT', path: expect.stringContaining('/consumers/{$id:consumer:payments/alice}/jwt/{$id:jwt_secret:') });
  });

  it('a changed ACL group of a credential with a pinned id is an update by id (PUT)', () => {
    const pinned = files().map((e) => (e.kind === 'acl' ? { ...e, key: `${CP}/alice/operators`, id: 'a0000000-0000-4000-8000-000000000003', fields: { ...e.fields, group: 'operators' } } : e));
    const ops = plan(pinned, konnect()).operations;
    expect(ops.map((op) => `${op.action}:${op.kind}`)).toEqual(['update:acl']);
    expect(ops[0]!.requests).toMatchObject([{ method: 'PUT', path: `/control-planes/{$id:control_plane:${CP}}/core-entities/consumers/{$id:consumer:${CP}/alice}/acls/{$id:acl:${CP}/alice/admins}`, body: { group: 'operators' } }]);
  });

  it('without a pinned id, a changed ACL group is the old group deleted and the new one created', () => {
    const renamed = files().map((e) => (e.kind === 'acl' ? desired('acl', { group: 'operators' }) : e));
    const ops = plan(renamed, konnect()).operations;
    expect(ops.map((op) => `${op.action}:${op.key}`).sort()).toEqual([`create:${CP}/alice/operators`, `delete:${CP}/alice/admins`]);
  });

  it('keeps DECK_ key values out of plan ids, titles and bodies', () => {
    const secret = 'deck-secret-api-key-42';
    const withSecret = [desired('key_auth', { key: secret })];
    const text = JSON.stringify(plan(withSecret, [], [{ name: 'DECK_ALICE_KEY', value: secret }]));
    expect(text).not.toContain(secret);
    expect(text).toContain('${{ env \\"DECK_ALICE_KEY\\" }}');
  });

  it('the live basic-auth hash is masked in a deleted credential: the plan never holds it', () => {
    const ops = plan([], konnect()).operations;
    const basic = ops.find((op) => op.kind === 'basic_auth')!;
    expect(basic.action).toBe('delete');
    expect(basic.before).toEqual({ username: 'alice-b', consumer: 'alice', tags: null, password_hash: '[masked]' });
    expect(JSON.stringify(ops)).not.toContain(createHash('sha1').update(`plain-pw${CONSUMER_ID}`).digest('hex'));
  });

  describe('a hash stored as sent (decK skip_hash_for_basic_auth)', () => {
    const HASH = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const hashed = (hash: string) => desired('basic_auth', { username: 'alice-b', password_hash: hash });
    const stored = (hash: string) => live('basic_auth', { username: 'alice-b', password: hash }, 'a0000000-0000-4000-8000-000000000002');

    it('is created with ?skip_hash=true and the hash as the password', () => {
      const [op] = plan([hashed(HASH)], []).operations;
      expect(op!.requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: `/control-planes/{$id:control_plane:${CP}}/core-entities/consumers/{$id:consumer:${CP}/alice}/basic-auth?skip_hash=true`,
          body: { username: 'alice-b', password: HASH },
        }),
      ]);
    });

    it('is compared with what Konnect holds: the same hash is no drift, another is an update sent with ?skip_hash=true', () => {
      expect(plan([hashed(HASH)], [stored(HASH)]).operations).toEqual([]);
      const [op] = plan([hashed('b'.repeat(40))], [stored(HASH)]).operations;
      expect(op).toMatchObject({ action: 'update', before: { password_hash: '[masked]' } });
      expect(op!.requests).toEqual([expect.objectContaining({ method: 'PUT', path: expect.stringMatching(/\/basic-auth\/\{\$id:basic_auth:[^}]+\}\?skip_hash=true$/), body: { username: 'alice-b', password: 'b'.repeat(40) } })]);
      expect(JSON.stringify(op)).not.toContain(HASH);
    });

    it('a plain password elsewhere is still not compared with the stored hash', () => {
      expect(plan([desired('basic_auth', { username: 'alice-b', password: 'other' })], [stored(HASH)]).operations).toEqual([]);
    });
  });
});
