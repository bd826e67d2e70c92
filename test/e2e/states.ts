import type { Harness } from './harness.js';

// State files the end-to-end tests sync. Small on purpose: each test changes one thing.

export const CP = 'e2e-payments';

export function platformYaml(options: { labels?: Record<string, string>; extraPlanes?: string[] } = {}): string {
  const labels = options.labels ?? { team: 'payments' };
  const planes = [CP, ...(options.extraPlanes ?? [])];
  return [
    'control_planes:',
    ...planes.flatMap((name) => [
      `  - name: ${name}`,
      `    labels: { ${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')} }`,
    ]),
    '',
  ].join('\n');
}

export interface GatewayOptions {
  services?: Array<{ name: string; retries?: number; tags?: string[] }>;
  selectTags?: string[];
  /** Adds a request-transformer plugin whose header carries ${{ env "DECK_E2E_SECRET" }}. */
  secretPlugin?: boolean;
  controlPlane?: string;
}

export function gatewayYaml(options: GatewayOptions = {}): string {
  const services = options.services ?? [{ name: 'orders' }, { name: 'billing' }];
  const lines = ['_format_version: "3.0"', `_konnect: { control_plane_name: ${options.controlPlane ?? CP} }`];
  if (options.selectTags) lines.push(`_info: { select_tags: [${options.selectTags.join(', ')}] }`);
  lines.push('services:');
  for (const service of services) {
    lines.push(
      `  - name: ${service.name}`,
      `    host: ${service.name}.internal`,
      '    port: 8080',
      '    protocol: http',
      ...(service.retries !== undefined ? [`    retries: ${service.retries}`] : []),
      ...(service.tags ? [`    tags: [${service.tags.join(', ')}]`] : []),
      '    routes:',
      `      - name: ${service.name}-route`,
      `        paths: [/${service.name}]`,
      '    plugins:',
      '      - name: rate-limiting',
      '        config: { minute: 60, policy: local }',
    );
  }
  if (options.secretPlugin) {
    lines.push(
      'plugins:',
      '  - name: request-transformer',
      '    config:',
      '      add:',
      '        headers: ["x-shared-secret:${{ env "DECK_E2E_SECRET" }}"]',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One cloud gateway network (its file claims the networks collection). */
export function networkYaml(name: string, cidr: string): string {
  return `cloud_gateways:
  networks:
    - name: ${name}
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: ${cidr}
`;
}

/** Writes state/platform.yaml and state/payments.yaml; returns `-s <dir>`. */
export async function writePaymentsState(h: Harness, gateway: GatewayOptions = { secretPlugin: true }): Promise<string[]> {
  await h.write('state/platform.yaml', platformYaml());
  await h.write('state/payments.yaml', gatewayYaml(gateway));
  return ['-s', h.path('state')];
}

/** Test setup: a sync that must succeed. */
export async function mustSync(h: Harness, args: string[]): Promise<void> {
  const result = await h.run(['sync', ...args, ...h.konnect, '--yes']);
  if (result.code !== 0) throw new Error(`setup sync failed (exit ${result.code}): ${result.out}${result.err}`);
}
