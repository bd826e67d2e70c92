import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASE, dataOf, harness } from './harness.js';

async function withConsumers() {
  const h = harness();
  const alice = await h.call('POST', `${BASE}/consumers`, { username: 'alice' });
  await h.call('POST', `${BASE}/consumers`, { username: 'bob' });
  return { h, aliceId: String(alice.body.id) };
}

describe('consumer credentials', () => {
  it('stores a basic-auth password as Kong does: sha1(password + consumer id), also on PUT', async () => {
    const { h, aliceId } = await withConsumers();
    const created = await h.call('POST', `${BASE}/consumers/alice/basic-auth`, { username: 'alice-b', password: 'pw' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ consumer: { id: aliceId }, username: 'alice-b', tags: null });
    expect(created.body.password).toBe(createHash('sha1').update(`pw${aliceId}`).digest('hex'));
    expect(created.body.updated_at).toBeUndefined();
    const put = await h.call('PUT', `${BASE}/consumers/alice/basic-auth/${String(created.body.id)}`, { username: 'alice-b', password: 'new' });
    expect(put.body.password).toBe(createHash('sha1').update(`new${aliceId}`).digest('hex'));
    expect((await h.call('POST', `${BASE}/consumers/alice/basic-auth`, { username: 'x' })).status).toBe(400);
  });

  it('generates key-auth keys, jwt keys and secrets, and hmac secrets when none is sent', async () => {
    const { h } = await withConsumers();
    expect((await h.call('POST', `${BASE}/consumers/alice/key-auth`, {})).body).toMatchObject({ key: expect.stringMatching(/^[0-9a-f]{32}$/), ttl: null });
    const jwt = await h.call('POST', `${BASE}/consumers/alice/jwt`, {});
    expect(jwt.body).toMatchObject({ algorithm: 'HS256', key: expect.stringMatching(/^[0-9a-f]{32}$/), secret: expect.stringMatching(/^[0-9a-f]{32}$/), rsa_public_key: null });
    expect((await h.call('POST', `${BASE}/consumers/alice/hmac-auth`, { username: 'h' })).body.secret).toMatch(/^[0-9a-f]{32}$/);
    expect((await h.call('POST', `${BASE}/consumers/alice/jwt`, { algorithm: 'RS256' })).status).toBe(400);
  });

  it('keeps key-auth keys unique per control plane and ACL groups unique per consumer (400, as Konnect)', async () => {
    const { h } = await withConsumers();
    expect((await h.call('POST', `${BASE}/consumers/alice/key-auth`, { key: 'k' })).status).toBe(201);
    const unique = (reply: { status: number; body: object }) => reply.status === 400 && JSON.stringify(reply.body).includes('(type: unique) constraint failed');
    expect(unique(await h.call('POST', `${BASE}/consumers/bob/key-auth`, { key: 'k' }))).toBe(true);
    expect((await h.call('POST', `${BASE}/consumers/alice/acls`, { group: 'g' })).status).toBe(201);
    expect((await h.call('POST', `${BASE}/consumers/bob/acls`, { group: 'g' })).status).toBe(201);
    expect(unique(await h.call('POST', `${BASE}/consumers/alice/acls`, { group: 'g' }))).toBe(true);
    expect((await h.call('POST', `${BASE}/consumers/alice/acls`, { group: 'g2', name: 'x' })).status).toBe(400);
  });

  it('lists credentials per consumer and all of them at the top level, and deletes them with their consumer', async () => {
    const { h } = await withConsumers();
    await h.call('POST', `${BASE}/consumers/alice/acls`, { group: 'a' });
    await h.call('POST', `${BASE}/consumers/bob/acls`, { group: 'b' });
    expect(dataOf(await h.call('GET', `${BASE}/consumers/alice/acls`)).map((c) => c.group)).toEqual(['a']);
    expect(dataOf(await h.call('GET', `${BASE}/acls`))).toHaveLength(2);
    expect((await h.call('POST', `${BASE}/acls`, { group: 'c' })).status).toBe(405);
    expect((await h.call('POST', `${BASE}/consumers/nobody/acls`, { group: 'c' })).status).toBe(404);
    await h.call('DELETE', `${BASE}/consumers/alice`);
    expect(dataOf(await h.call('GET', `${BASE}/acls`)).map((c) => c.group)).toEqual(['b']);
  });
});
