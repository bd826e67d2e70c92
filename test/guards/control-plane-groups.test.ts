import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/entity.js';
import { loadState } from '../../src/state/load/index.js';
import { runGuards } from '../../src/guards/index.js';
import { brief, fixture, findingsOf } from './helpers.js';

const GROUP_FILES = ['groups-good.yaml', 'groups-member-a.yaml', 'groups-member-b-distinct.yaml'];

describe('control plane group guard rails', () => {
  it('refuses a control plane in more than 5 groups and reports an entity declared in two members of one group', async () => {
    const findings = await findingsOf(['groups-bad.yaml', 'groups-member-a.yaml', 'groups-member-b.yaml']);
    expect(findings.map((finding) => `${finding.file}:${brief(finding)}`)).toEqual([
      'test/guards/fixtures/groups-bad.yaml:7:75 error group.max-groups control_planes[5].members[0]: control plane "shared" is in 6 groups (g1, g2, g3, g4, g5, g6); Konnect allows at most 5',
      'test/guards/fixtures/groups-member-b.yaml:5:5 warning group.conflict services[0]: service "svc" (declared in "cp-b") is also declared in "cp-a" at test/guards/fixtures/groups-member-a.yaml:5: both are members of group "g1", whose configuration goes to CONFLICT',
    ]);
    expect(findings[1]!.hint).toBe('keep shared entities in one member, or give them different names');
  });

  it('accepts members whose entities differ', async () => {
    expect(await findingsOf(GROUP_FILES)).toEqual([]);
  });

  describe('at plan time, with live state', () => {
    const liveService = (controlPlane: string, name: string, tags?: string[]): Entity => ({
      kind: 'service',
      key: `${controlPlane}/${name}`,
      controlPlane,
      fields: { name, host: 'x', ...(tags ? { tags } : {}) },
    });

    it('a live entity the sync keeps conflicts with a declared one', async () => {
      // cp-a's file claims only entities tagged team-a, so an untagged live "svc-b" in cp-a stays.
      const live = { entities: [liveService('cp-a', 'svc-b')] };
      const findings = await findingsOf(['groups-good.yaml', 'groups-member-a-tagged.yaml', 'groups-member-b-distinct.yaml'], { live });
      expect(findings.map(brief)).toEqual([
        '5:5 warning group.conflict services[0]: service "svc-b" (declared in "cp-b") is also live in "cp-a": both are members of group "g1", whose configuration goes to CONFLICT',
      ]);
    });

    it('a live entity the sync deletes does not conflict', async () => {
      const live = { entities: [liveService('cp-a', 'svc-b')] };
      expect(await findingsOf(GROUP_FILES, { live })).toEqual([]);
    });

    it("a live membership the files do not declare counts towards the 5-group limit", async () => {
      const membership = (group: string): Entity => ({ kind: 'control_plane_membership', key: group, fields: { control_plane: group, members: ['cp-a'] } });
      const live = { entities: ['l1', 'l2', 'l3', 'l4', 'l5'].map(membership) };
      const findings = await findingsOf(GROUP_FILES, { live });
      expect(findings.map(brief)).toEqual([
        '2:75 error group.max-groups control_planes[0].members[0]: control plane "cp-a" is in 6 groups (g1, l1, l2, l3, l4, l5); Konnect allows at most 5',
      ]);
    });
  });

  it('handles members with very many entities (per-plane lists grow in place, not copied per entity)', async () => {
    // Copying a member's list for every entity added took minutes at 100k entities: the test timeout bounds it.
    const state = await loadState(GROUP_FILES.map(fixture), { env: {} });
    const many = (controlPlane: string): Entity[] =>
      Array.from({ length: 60_000 }, (_, i) => ({ kind: 'service', key: `${controlPlane}/${controlPlane}-svc-${i}`, controlPlane, fields: { name: `${controlPlane}-svc-${i}`, host: 'x' } }));
    const big = { ...state, entities: [...state.entities, ...many('cp-a'), ...many('cp-b'), { kind: 'service', key: 'cp-b/cp-a-svc-7', controlPlane: 'cp-b', fields: { name: 'cp-a-svc-7', host: 'x' } } as Entity] };
    const findings = runGuards(big);
    expect(findings.map((finding) => `${finding.rule} ${finding.message.split(':')[0]}`)).toEqual([
      'group.conflict service "cp-a-svc-7" (live in "cp-b") is also live in "cp-a"',
    ]);
  });
});
