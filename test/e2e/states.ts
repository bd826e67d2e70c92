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
