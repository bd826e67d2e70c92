import { describe, expect, it } from 'vitest';
import { Router } from '../../src/emulator/router.js';
import { checkNetworkCidr } from '../../src/emulator/cidr.js';
import { parseCidr } from '../../src/guards/cidr.js';
import { findRegion } from '../../src/emulator/availability.js';
import { Lifecycles, schedule } from '../../src/emulator/lifecycle.js';
import { emptyData } from '../../src/emulator/seed.js';
import type { EmulatorContext } from '../../src/emulator/types.js';

const ok = () => ({ status: 200 });

describe('router', () => {
  it('matches parameters, decodes them, and prefers literal segments', () => {
    const router = new Router([
      { method: 'GET', pattern: '/networks/:id', handler: ok },
      { method: 'GET', pattern: '/networks/special', handler: () => ({ status: 201 }) },
    ]);
    const match = router.match('GET', '/networks/a%20b');
    expect(match).toMatchObject({ params: { id: 'a b' } });
    const special = router.match('GET', '/networks/special');
    expect(special && 'route' in special && special.route.pattern).toBe('/networks/special');
    expect(router.match('POST', '/networks/x')).toEqual({ allow: ['GET'] });
    expect(router.match('GET', '/nothing')).toBeUndefined();
  });
});

describe('cidr rules', () => {
  const aws = findRegion('aws', 'us-east-2')!;
  it('parses IPv4 blocks and tells misaligned ones', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ start: 167772160, prefix: 16, aligned: true });
    expect(parseCidr('10.0.0.1/16')).toEqual({ start: 167772160, prefix: 16, aligned: false });
    expect(parseCidr('300.0.0.0/8')).toBeUndefined();
  });
  it('accepts a block in range for its zone count', () => {
    expect(checkNetworkCidr('aws', aws, '192.168.0.0/22', 3)).toEqual([]);
    expect(checkNetworkCidr('aws', aws, '198.18.0.0/16', 3)).toEqual([]);
    expect(checkNetworkCidr('aws', aws, '172.16.0.0/22', 5)).toHaveLength(1);
    expect(checkNetworkCidr('aws', aws, '172.17.0.0/22', 2)).toHaveLength(1);
  });
});

describe('lifecycles', () => {
  it('applies due transitions in time order and drops them', () => {
    let now = 0;
    const ctx: EmulatorContext = { data: emptyData(), now: () => now, newId: () => 'id', provisionMs: 10, touch: () => undefined };
    const seen: string[] = [];
    const lifecycles = new Lifecycles();
    lifecycles.register('thing', (_ctx, ids, state) => seen.push(`${ids.join('/')}:${state}`));
    schedule(ctx, 'thing:b', 'ready', 20);
    schedule(ctx, 'thing:a', 'ready');
    lifecycles.settle(ctx);
    expect(seen).toEqual([]);
    now = 25;
    lifecycles.settle(ctx);
    expect(seen).toEqual(['a:ready', 'b:ready']);
    expect(ctx.data.transitions).toEqual({});
  });
});
