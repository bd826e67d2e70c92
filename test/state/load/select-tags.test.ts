import { describe, expect, it } from 'vitest';
import { entity, load, onlyProblem, problems, yaml } from './helpers.js';

const untagged = yaml('_konnect: {control_plane_name: cp}', 'services:', '  - {name: orders, host: orders.internal, tags: [mine]}', '  - {name: billing, host: billing.internal}');

describe('selectTags (--select-tag) in the loader', () => {
  it('tags every created entity that has tags, as _info.select_tags does', () => {
    const state = load({ 'g.yaml': untagged }, { selectTags: ['team-a'] });
    expect(entity(state, 'service', 'cp/orders').fields.tags).toEqual(['mine', 'team-a']);
    expect(entity(state, 'service', 'cp/billing').fields.tags).toEqual(['team-a']);
    expect(load({ 'g.yaml': untagged }).entities.map((e) => e.fields.tags)).toEqual([['mine'], undefined]);
  });

  it('narrows the gateway claims and scopes of files without their own select tags, not platform claims', () => {
    const state = load({ 'g.yaml': untagged, 'p.yaml': yaml('control_planes: [{name: cp}]') }, { selectTags: ['team-a'] });
    expect(state.claims.filter((claim) => claim.kind === 'service')).toEqual([{ kind: 'service', controlPlane: 'cp', selectTags: ['team-a'] }]);
    expect(state.claims.filter((claim) => claim.controlPlane !== undefined).every((claim) => claim.selectTags?.join() === 'team-a')).toBe(true);
    expect(state.claims).toContainEqual({ kind: 'control_plane' });
    expect(state.scopes.map((scope) => scope.selectTagSets)).toEqual([[['team-a']]]);
  });

  it('accepts a file whose _info.select_tags are the same tags (any order, duplicates in the flag)', () => {
    const file = yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [b, a]}', 'services: [{name: orders, host: h}]');
    const state = load({ 'g.yaml': file }, { selectTags: ['a', 'b', 'a'] });
    expect(entity(state, 'service', 'cp/orders').fields.tags).toEqual(['b', 'a']);
    expect(state.claims.filter((claim) => claim.kind === 'service')).toEqual([{ kind: 'service', controlPlane: 'cp', selectTags: ['a', 'b'] }]);
  });

  it('rejects a file whose _info.select_tags differ, naming the file and the field', () => {
    const files = {
      'a.yaml': yaml('_konnect: {control_plane_name: cp}', '_info: {select_tags: [team-a]}', 'services: []'),
      'b.yaml': yaml('_konnect: {control_plane_name: cp}', '_info:', '  select_tags: [team-b]', 'services: []'),
    };
    const problem = onlyProblem(files, { selectTags: ['team-a'] });
    expect(problem).toMatchObject({ file: 'b.yaml', line: 3, path: '_info.select_tags', hint: expect.stringContaining('same tags') });
    expect(problem.message).toBe('--select-tag team-a differs from _info.select_tags [team-b] in b.yaml');
    expect(problems(files, { selectTags: ['team-a', 'team-b'] }).map((p) => p.file)).toEqual(['a.yaml', 'b.yaml']);
  });
});
