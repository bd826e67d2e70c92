// The e2e bench's growth figure: the exponent of cost ∝ size^k. It once reported the cost ratio per doubling under a
// "1.00 = linear" label, which read a sub-linear 1.5 as "not linear yet".
import { describe, expect, it } from 'vitest';
import { growthExponents } from '../../bench/growth.js';

const sizes = [10_000, 50_000, 100_000];

describe('growthExponents', () => {
  it('is 1 for linear cost and 2 for quadratic, whatever the steps between sizes', () => {
    expect(growthExponents(sizes.map((size) => ({ size, cost: size / 1000 })))).toEqual([1, 1].map((k) => expect.closeTo(k, 9)));
    expect(growthExponents(sizes.map((size) => ({ size, cost: (size / 1000) ** 2 })))).toEqual([2, 2].map((k) => expect.closeTo(k, 9)));
  });

  it('is below 1 while a fixed cost weighs, and nears 1 as the size grows', () => {
    const [small, large] = growthExponents(sizes.map((size) => ({ size, cost: 0.25 + size / 100_000 })));
    expect(small).toBeLessThan(1);
    expect(large).toBeLessThan(1);
    expect(large).toBeGreaterThan(small!);
  });
});
