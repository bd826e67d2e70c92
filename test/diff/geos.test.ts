import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { planProblems } from '../../src/diff/plan-check.js';
import { PlanError } from '../../src/errors.js';
import type { Entity } from '../../src/model/entity.js';
import type { Geo } from '../../src/model/state.js';
import { desiredEntity, desiredState, liveControlPlane, liveState } from './helpers.js';
import { planSchemaErrors } from './plan-schema.js';

const inGeo = (entity: Entity, geo: Geo): Entity => ({ ...entity, geo });
const euPlane = inGeo(desiredEntity('control_plane', { name: 'eu-cp', cloud_gateway: true }), 'eu');
const euService = inGeo(desiredEntity('service', { name: 's', host: 'h' }, { controlPlane: 'eu-cp' }), 'eu');
const euDomain = inGeo(desiredEntity('custom_domain', { control_plane: 'eu-cp', domain: 'api.example.com' }), 'eu');

describe('a plan across geos', () => {
  const plan = buildPlan(desiredState([euPlane, euService, euDomain]), liveState([]));
  const op = (id: string) => plan.operations.find((one) => one.id === id)!;

  it('sends regional requests of an entity in another geo to that geo, and the global API\'s bodies name it', () => {
    expect(plan.geo).toBe('us');
    expect(plan.controlPlaneGeos).toEqual({ 'eu-cp': 'eu' });
    expect(op('create:control_plane:eu-cp')).toMatchObject({ geo: 'eu', requests: [{ api: 'control-planes', geo: 'eu' }] });
    expect(op('create:service:eu-cp/s').requests[0]!.geo).toBe('eu');
    const domain = op('create:custom_domain:api.example.com');
    expect(domain.geo).toBe('eu');
    expect(domain.requests[0]).toMatchObject({ api: 'cloud-gateways', body: { control_plane_geo: 'eu' } });
    expect(domain.requests[0]!.geo).toBeUndefined();
  });

  it('is what apply re-derives, and an edited geo is caught', () => {
    expect(planSchemaErrors(plan)).toEqual([]);
    expect(planProblems(plan)).toEqual([]);
    const edited = { ...plan, operations: plan.operations.map((one) => (one.id === 'create:service:eu-cp/s' ? { ...one, requests: one.requests.map((r) => ({ ...r, geo: 'au' as Geo })) } : one)) };
    expect(planProblems(edited).map((problem) => problem.message).join('\n')).toContain('create:service:eu-cp/s: its requests are not what this create sends');
  });

  it('a single-geo plan names no geo anywhere', () => {
    const single = buildPlan(desiredState([desiredEntity('control_plane', { name: 'us-cp' })]), liveState([]));
    expect(single.controlPlaneGeos).toBeUndefined();
    expect(JSON.stringify(single.operations)).not.toContain('"geo"');
  });

  it('refuses to move a control plane between geos', () => {
    const live = liveControlPlane('eu-cp');
    expect(() => buildPlan(desiredState([euPlane]), liveState([live]))).toThrow(PlanError);
    expect(() => buildPlan(desiredState([euPlane]), liveState([live]))).toThrow('control plane eu-cp lives in geo us; the files place it in eu');
    expect(buildPlan(desiredState([euPlane]), liveState([inGeo(live, 'eu')])).operations.map((one) => one.action)).not.toContain('replace');
  });
});

describe('what belongs to a control plane no file declares', () => {
  const farPlane = inGeo(liveControlPlane('far-cp', 'cp-far'), 'eu');
  const domain = desiredEntity('custom_domain', { control_plane: 'far-cp', domain: 'api.far.example.com' });

  it('goes to the geo Konnect holds that control plane in, and the plan records that geo', () => {
    const plan = buildPlan(desiredState([domain]), liveState([farPlane]));
    expect(plan.controlPlaneGeos).toEqual({ 'far-cp': 'eu' });
    const create = plan.operations.find((one) => one.id === 'create:custom_domain:api.far.example.com')!;
    expect(create.geo).toBe('eu');
    expect(create.requests[0]).toMatchObject({ api: 'cloud-gateways', body: { control_plane_geo: 'eu' } });
    expect(planProblems(plan)).toEqual([]);
  });

  it('stays in the default geo when that control plane lives there', () => {
    const plan = buildPlan(desiredState([domain]), liveState([liveControlPlane('far-cp', 'cp-far')]));
    expect(JSON.stringify(plan.operations)).not.toContain('"geo"');
    expect(plan.operations[0]!.requests[0]!.body).toMatchObject({ control_plane_geo: 'us' });
  });
});
