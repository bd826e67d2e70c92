import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlPlane, harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
let group: Body;
beforeEach(async () => {
  h = await harness();
  group = await createControlPlane(h, { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' });
});
afterEach(async () => {
  await h.emulator.stop();
});

async function controlPlanes(count: number, prefix = 'member'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(String((await createControlPlane(h, { name: `${prefix}-${String(i).padStart(3, '0')}` })).id));
  return ids;
}
const members = (ids: string[]) => ({ members: ids.map((id) => ({ id })) });
const base = () => `/control-planes/${group.id}/group-memberships`;

describe('control plane group memberships', () => {
  it('PUT upserts, add and remove change the list, all with 204', async () => {
    const [a, b, c] = await controlPlanes(3);
    expect((await h.call('PUT', base(), members([a!, b!]))).status).toBe(204);
    expect((await h.call('POST', `${base()}/add`, members([c!]))).status).toBe(204);
    expect((await h.call('POST', `${base()}/remove`, members([a!]))).status).toBe(204);
    const list = await h.call('GET', base());
    expect(items(list).map((cp) => cp.id)).toEqual([b, c]);
    expect(list.body.meta).toEqual({ page: { next: null, size: 100, total: 2 } });
    expect((await h.call('GET', `/control-planes/${b}/group-member-status`)).body).toEqual({ is_member: true });
    expect((await h.call('GET', `/control-planes/${a}/group-member-status`)).body).toEqual({ is_member: false });
  });

  it('pages with page[after] cursors and meta.page.next', async () => {
    const ids = await controlPlanes(5);
    await h.call('PUT', base(), members(ids));
    const seen: unknown[] = [];
    let next: string | null = `${base()}?page[size]=2`;
    let pages = 0;
    while (next) {
      const reply = await h.call('GET', next);
      expect(reply.status).toBe(200);
      seen.push(...items(reply).map((cp) => cp.id));
      if (pages === 0) expect(reply.body.meta?.page?.total).toBe(5);
      next = (reply.body.meta?.page?.next ?? null) as unknown as string | null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
    expect((await h.call('GET', `${base()}?page[after]=garbage!`)).status).toBe(400);
  });

  it('takes at most 50 members per call', async () => {
    const ids = await controlPlanes(51);
    const tooMany = await h.call('POST', `${base()}/add`, members(ids));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'members', rule: 'max_items', maximum: 50 })]);
    expect((await h.call('PUT', base(), members(ids))).status).toBe(400);
    expect((await h.call('POST', `${base()}/add`, members(ids.slice(0, 50)))).status).toBe(204);
  });

  it('holds at most 256 members', async () => {
    const ids = await controlPlanes(257);
    for (let i = 0; i < 250; i += 50) expect((await h.call('POST', `${base()}/add`, members(ids.slice(i, i + 50)))).status).toBe(204);
    expect((await h.call('POST', `${base()}/add`, members(ids.slice(250, 256)))).status).toBe(204);
    const over = await h.call('POST', `${base()}/add`, members(ids.slice(256)));
    expect(over.status).toBe(400);
    expect(over.body.invalid_parameters).toEqual([expect.objectContaining({ rule: 'max_items', maximum: 256 })]);
  }, 60_000);

  it('requires existing members that are not groups', async () => {
    const missing = await h.call('POST', `${base()}/add`, members(['00000000-0000-4000-8000-000000000000']));
    expect(missing.status).toBe(400);
    expect(missing.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'members.0.id', rule: 'missing_reference' })]);
    const other = await createControlPlane(h, { name: 'other-group', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' });
    const nested = await h.call('POST', `${base()}/add`, members([String(other.id)]));
    expect(nested.status).toBe(400);
    expect(String(nested.body.invalid_parameters?.[0]?.reason)).toMatch(/group cannot be a member/);
  });

  it('refuses membership calls on a control plane that is not a group', async () => {
    const [plain] = await controlPlanes(1);
    expect((await h.call('GET', `/control-planes/${plain}/group-memberships`)).status).toBe(400);
    expect((await h.call('GET', '/control-planes/00000000-0000-4000-8000-000000000000/group-memberships')).status).toBe(404);
  });

  it('reports group status', async () => {
    const reply = await h.call('GET', `/control-planes/${group.id}/group-status`);
    expect(reply.status).toBe(200);
    expect(reply.body.item).toMatchObject({ id: group.id, state: 'OK', conflicts: [] });
  });

  it('deleting a member drops it from its groups', async () => {
    const [a] = await controlPlanes(1);
    await h.call('PUT', base(), members([a!]));
    await h.call('DELETE', `/control-planes/${a}`);
    expect(items(await h.call('GET', base()))).toEqual([]);
  });
});
