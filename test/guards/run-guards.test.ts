import { describe, expect, it } from 'vitest';
import { runGuards } from '../../src/guards/index.js';
import type { DesiredState } from '../../src/model/state.js';

const state = (entities: DesiredState['entities']): DesiredState => ({ geo: 'us', entities, claims: [], scopes: [], env: [], files: [] });

describe('runGuards on a state built in code (no source locator)', () => {
  it('locates a finding at its entity and names the field path', () => {
    const findings = runGuards(
      state([
        {
          kind: 'network',
          key: 'net',
          fields: { name: 'net', provider: 'aws', region: 'us-east-2', availability_zones: ['use2-az1', 'use2-az2'], cidr_block: '10.0.0.0/24' },
          source: { file: 'platform.yaml', line: 4, column: 7, path: 'cloud_gateways.networks[0]' },
        },
      ]),
    );
    expect(findings).toEqual([
      {
        severity: 'error', rule: 'network.cidr-prefix', file: 'platform.yaml', line: 4, column: 7, path: 'cloud_gateways.networks[0].cidr_block',
        message: '10.0.0.0/24: aws networks take a prefix from /16 to /23',
      },
    ]);
  });

  it('never throws on odd values: missing fields and unparsable Lua are skipped', () => {
    const findings = runGuards(
      state([
        { kind: 'network', key: 'odd', fields: { name: 'odd', provider: 'aws', region: 'us-east-2', availability_zones: 'x' } },
        { kind: 'custom_plugin', key: 'cp/p', controlPlane: 'cp', fields: { name: 'p', handler: 'local = =', schema: 42 } },
        { kind: 'configuration', key: 'cp', fields: { control_plane: 'cp', dataplane_groups: [null, { environment: [null, { name: 1 }] }] } },
      ]),
    );
    expect(findings).toEqual([]);
  });
});
