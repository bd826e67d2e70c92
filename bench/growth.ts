/**
 * The exponent k of cost ∝ size^k between each pair of consecutive measurements: 1.00 is linear, 2.00 quadratic.
 * Below 1, fixed costs (startup, a first request's latency, warming up) still weigh at the smaller size.
 */
export function growthExponents(points: ReadonlyArray<{ size: number; cost: number }>): number[] {
  return points.slice(1).map((point, index) => {
    const before = points[index]!;
    return Math.log(point.cost / before.cost) / Math.log(point.size / before.size);
  });
}
