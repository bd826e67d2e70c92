import { describe, expect, it } from 'vitest';
import { coreHooks } from '../../../src/emulator/core/index.js';
import { BASE, CP, dataOf, harness } from './harness.js';

describe('core hooks', () => {
  it('creates and deletes a custom domain certificate with its SNI', async () => {
    const h = harness();
    const ids = coreHooks.createDomainCertificate(h.ctx, CP, 'api.example.com');
    const sni = await h.call('GET', `${BASE}/snis/${ids.sni_id}`);
    expect(sni.body).toMatchObject({ name: 'api.example.com', certificate: { id: ids.certificate_id } });
    expect((await h.call('GET', `${BASE}/certificates/${ids.certificate_id}`)).status).toBe(200);
    coreHooks.deleteDomainCertificate(h.ctx, CP, ids.certificate_id, ids.sni_id);
    expect(dataOf(await h.call('GET', `${BASE}/certificates`))).toEqual([]);
    expect(dataOf(await h.call('GET', `${BASE}/snis`))).toEqual([]);
  });

  it('creates the managed cache partial and finds the plugins using the add-on', async () => {
    const h = harness();
    const addOnId = 'abcdef00-1111-4222-8333-444444444444';
    const partialId = coreHooks.createManagedCachePartial(h.ctx, CP, addOnId);
    const partial = await h.call('GET', `${BASE}/partials/${partialId}`);
    expect(partial.body).toMatchObject({ name: `konnect-managed-${addOnId}`, type: 'redis-ee', tags: ['konnect-managed'] });
    expect(partial.body.config).toMatchObject({ host: '{vault://env/ADDON_MANAGED_CACHE_HOST}', port: '{vault://env/ADDON_MANAGED_CACHE_PORT}' });
    expect(coreHooks.pluginsUsingAddOn(h.ctx, [CP], addOnId)).toEqual([]);
    const plugin = await h.call('POST', `${BASE}/plugins`, {
      name: 'rate-limiting-advanced',
      config: { limit: [1], window_size: [1] },
      partials: [{ id: partialId }],
    });
    expect(coreHooks.pluginsUsingAddOn(h.ctx, [CP, 'unknown-cp'], addOnId)).toEqual([plugin.body.id]);
  });

  it('counts plugins whose config reads the managed cache vault values', async () => {
    const h = harness();
    const plugin = await h.call('POST', `${BASE}/plugins`, {
      name: 'rate-limiting',
      config: { minute: 1, policy: 'redis', redis: { host: '{vault://env/ADDON_MANAGED_CACHE_HOST}' } },
    });
    expect(coreHooks.pluginsUsingAddOn(h.ctx, [CP], 'any')).toEqual([plugin.body.id]);
  });

  it('drops a control plane’s entities', async () => {
    const h = harness();
    await h.call('POST', `${BASE}/services`, { host: 'h' });
    const before = h.touches;
    coreHooks.dropControlPlane(h.ctx, CP);
    expect(h.ctx.data.core[CP]).toBeUndefined();
    expect(h.touches).toBe(before + 1);
  });
});
