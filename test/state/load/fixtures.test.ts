import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadState } from '../../../src/state/load/index.js';
import { createMasker } from '../../../src/render/mask.js';

const FIXTURE = ['fixtures/platform.yaml', 'fixtures/shared-redis.yaml', 'fixtures/payments'];
const SECRET = 'pmt-4f9c2e7a1b';

describe('the payments DCGW fixture', () => {
  it('loads with only DECK_PAYMENTS_SHARED_SECRET set', async () => {
    const state = await loadState(FIXTURE, { env: { DECK_PAYMENTS_SHARED_SECRET: SECRET } });
    expect(state.geo).toBe('us');
    expect(state.files).toEqual(['fixtures/platform.yaml', 'fixtures/shared-redis.yaml', 'fixtures/payments/gateway.yaml']);
    const refs = state.entities.map((e) => `${e.kind}:${e.key}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'control_plane:payments',
        'network:prod-use2',
        'transit_gateway:prod-use2/core-tgw',
        'configuration:payments',
        'custom_domain:api.payments.example.com',
        'add_on:payments-cache',
        'partial:payments/payments-redis',
        'custom_plugin:payments/payments-audit',
        'service:payments/orders',
        'plugin:payments/rate-limiting-advanced|service=orders',
        'plugin:payments/request-transformer|service=orders',
        'plugin:payments/payments-audit|route=refunds-api',
      ]),
    );
    const rla = state.entities.find((e) => e.key === 'payments/rate-limiting-advanced|service=orders')!;
    expect(rla.fields.partials).toEqual([{ name: 'payments-redis', path: 'config.redis' }]);
    expect(state.env).toEqual([{ name: 'DECK_PAYMENTS_SHARED_SECRET', value: SECRET }]);
    const transformer = state.entities.find((e) => e.key === 'payments/request-transformer|service=orders')!;
    expect(createMasker(state.env)(JSON.stringify(transformer.fields))).toContain('X-Payments-Shared-Secret:[masked]');
    const plugin = state.entities.find((e) => e.kind === 'custom_plugin')!;
    expect(plugin.fields.handler).toContain('PaymentsAudit:access');
    expect(state.scopes.map((s) => s.controlPlane)).toEqual(['payments']);
    expect(state.scopes[0]!.lookupTags).toEqual({ partials: ['shared-redis'] });
    expect(state.scopes[0]!.selectTagSets).toEqual([['shared-redis'], ['payments-team']]);
  });

  it('names the missing secret when it is not set', async () => {
    const error = await loadState(FIXTURE, { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({ file: 'fixtures/payments/gateway.yaml', message: expect.stringContaining('DECK_PAYMENTS_SHARED_SECRET') }),
    ]);
  });

  it('loads in mock mode without secrets', async () => {
    const state = await loadState(FIXTURE, { env: {}, envMode: 'mock' });
    expect(state.env).toEqual([{ name: 'DECK_PAYMENTS_SHARED_SECRET', value: 'DECK_PAYMENTS_SHARED_SECRET' }]);
  });
});
