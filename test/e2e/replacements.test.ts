import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, startHarness, type Harness } from './harness.js';

// A network replacement through the emulator: its transit gateway is deleted first and recreated after it, and a
// configuration still using the network stops the plan before anything is sent.
const network = (cidr: string) => `cloud_gateways:
  networks:
    - name: e2e-repl-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: ${cidr}
      transit_gateways:
        - name: e2e-tgw
          cidr_blocks: [10.100.0.0/16]
          transit_gateway_attachment_config:
            kind: aws-transit-gateway-attachment
            transit_gateway_id: tgw-0a1b2c3d4e5f60718
            ram_share_arn: arn:aws:ram:us-east-2:123456789012:resource-share/6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b
`;

const configuration = `control_planes:
  - name: e2e-repl-cp
    cloud_gateway: true
cloud_gateways:
  configurations:
    - control_plane: e2e-repl-cp
      version: "3.11"
      dataplane_groups:
        - provider: aws
          region: us-east-2
          network: e2e-repl-net
          autoscale: { kind: autopilot, base_rps: 100 }
`;

describe('replacing a network', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.stop());

  it('recreates its transit gateway after it', async () => {
    await h.write('net/network.yaml', network('10.42.0.0/22'));
    const created = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes']);
    expect(created.code, created.out + created.err).toBe(0);

    await h.write('net/network.yaml', network('10.43.0.0/22'));
    const diff = await h.run(['diff', '-s', h.path('net'), ...h.konnect, '--output', 'json']);
    expect(diff.code, diff.out + diff.err).toBe(2);
    const ids = (parseJson(diff.out) as { operations: Array<{ id: string }> }).operations.map((op) => op.id);
    expect(ids).toEqual([
      'delete:transit_gateway:e2e-repl-net/e2e-tgw',
      'replace:network:e2e-repl-net',
      'wait:network:e2e-repl-net',
      'create:transit_gateway:e2e-repl-net/e2e-tgw',
      'wait:transit_gateway:e2e-repl-net/e2e-tgw',
    ]);

    const replaced = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(replaced.code, replaced.out + replaced.err).toBe(0);
    const after = await h.run(['diff', '-s', h.path('net'), ...h.konnect]);
    expect(after.code, after.out + after.err).toBe(0);
  });

  it('refuses the plan while a configuration still uses the network', async () => {
    await h.write('net/platform.yaml', configuration);
    const setup = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes']);
    expect(setup.code, setup.out + setup.err).toBe(0);

    await h.write('net/network.yaml', network('10.44.0.0/22'));
    const refused = await h.run(['sync', '-s', h.path('net'), ...h.konnect, '--yes', '--allow-destructive']);
    expect(refused.code, refused.out + refused.err).toBe(1);
    expect(refused.err).toContain('cloud gateway network e2e-repl-net must be replaced (cidr_block cannot change in place)');
    expect(refused.err).toContain('point cloud gateway configuration e2e-repl-cp at it');
    await h.write('net/network.yaml', network('10.43.0.0/22'));
    expect((await h.run(['diff', '-s', h.path('net'), ...h.konnect])).code).toBe(0);
  });
});
