import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPlan } from '../../src/diff/index.js';
import type { Entity } from '../../src/model/entity.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';
import { everythingClaimed, konnectShapedLive, matchingDesired } from './fixture.js';
import { planSchemaErrors } from './plan-schema.js';
import { KIND_NAMES } from '../../src/kinds/kind-names.js';
import planSchema from '../../schemas/plan.schema.json' with { type: 'json' };

describe('schemas/plan.schema.json', () => {
  it('accepts a plan with every action: create, update, replace, delete, wait', () => {
    const desired = matchingDesired()
      // The configuration goes (claimed, so deleted) or it would block the network's replacement.
      .filter((e) => e.kind !== 'route' && !e.key.includes('route=') && e.kind !== 'configuration')
      .map((e) => (e.kind === 'network' ? { ...e, fields: { ...e.fields, cidr_block: '10.50.0.0/22' } } : e))
      .map((e) => (e.kind === 'service' ? { ...e, fields: { ...e.fields, retries: 1 } } : e));
    desired.push(desiredEntity('consumer', { username: 'alice' }, { controlPlane: CP }));
    const plan = buildPlan(desiredState(desired, { claims: everythingClaimed(), env: [{ name: 'DECK_HOST', value: 'orders.internal' }] }), liveState(konnectShapedLive()));
    expect(new Set(plan.operations.map((op) => op.action))).toEqual(new Set(['create', 'update', 'replace', 'delete', 'wait']));
    expect(planSchemaErrors(plan)).toEqual([]);
  });

  it('names every kind, so that apply accepts a plan with consumer credentials', () => {
    const kinds = (planSchema as { definitions?: Record<string, { enum?: string[] }>; $defs?: Record<string, { enum?: string[] }> });
    const enums = Object.values({ ...kinds.definitions, ...kinds.$defs }).map((def) => def.enum ?? []);
    expect(enums.find((values) => values.includes('plugin'))).toEqual([...KIND_NAMES]);
  });

  it('rejects unknown properties and malformed operations', () => {
    const plan = buildPlan(desiredState([desiredEntity('service', { name: 'a', host: 'h' }, { controlPlane: CP })], { claims: gatewayClaims(CP) }), liveState([liveControlPlane()]));
    expect(planSchemaErrors({ ...plan, extra: 1 })).not.toEqual([]);
    expect(planSchemaErrors({ ...plan, operations: [{ ...plan.operations[0]!, action: 'upsert' }] })).not.toEqual([]);
    expect(planSchemaErrors({ ...plan, operations: [{ ...plan.operations[0]!, requests: [{ api: 'x', method: 'GET', path: '/' }] }] })).not.toEqual([]);
  });

  it('accepts every plan built from random gateway states', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean(), fc.boolean()), { maxLength: 10 }), (items) => {
        const desired: Entity[] = [];
        const live: Entity[] = [liveControlPlane()];
        for (const [name, inDesired, inLive] of items) {
          if (inDesired && !desired.some((e) => e.key === `${CP}/${name}`)) desired.push(desiredEntity('service', { name, host: 'h' }, { controlPlane: CP }));
          if (inLive && !live.some((e) => e.key === `${CP}/${name}`)) live.push(liveEntity('service', { id: `id-${name}`, name, host: 'other', updated_at: 5 }, { controlPlane: CP }));
        }
        expect(planSchemaErrors(buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
