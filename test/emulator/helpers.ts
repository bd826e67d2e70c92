import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

/** Parsed JSON, indexable at any depth: tests read what they assert on. */
export interface Body {
  [key: string]: Body;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

/** The `data` array of a list reply. */
export function items(reply: Reply): Body[] {
  return reply.body.data as unknown as Body[];
}

/** A manual clock: tests move time instead of waiting. */
export class Clock {
  constructor(public ms = Date.UTC(2026, 0, 1, 12, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Reply>;

export interface Harness {
  emulator: RunningEmulator;
  clock: Clock;
  /** The plain `/v2`: the global host and the us host. */
  call: Call;
  /** A geo's host, `/<geo>/v2`. */
  callIn(geo: string): Call;
}

export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = new Clock();
  const emulator = await startEmulator({ provisionMs: 1000, now: clock.now, ...options });
  const callAt = (root: string): Call => async (method, path, body, headers = {}) => {
    const response = await fetch(`${emulator.url}${root}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${emulator.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = {};
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      parsed = {};
    }
    return { status: response.status, headers: response.headers, body: parsed as Body, text };
  };
  return { emulator, clock, call: callAt('/v2'), callIn: (geo) => callAt(`/${geo}/v2`) };
}

export async function providerAccountId(h: Harness, provider: string): Promise<string> {
  const reply = await h.call('GET', `/cloud-gateways/provider-accounts?filter[provider][eq]=${provider}`);
  return String(items(reply)[0]?.id);
}

export async function createControlPlane(h: Harness, body: Record<string, unknown>): Promise<Body> {
  const reply = await h.call('POST', '/control-planes', body);
  if (reply.status !== 201) throw new Error(`control plane: ${reply.status} ${reply.text}`);
  return reply.body;
}

export async function createNetwork(h: Harness, overrides: Record<string, unknown> = {}): Promise<Body> {
  const reply = await h.call('POST', '/cloud-gateways/networks', {
    name: 'prod-use2',
    cloud_gateway_provider_account_id: await providerAccountId(h, 'aws'),
    region: 'us-east-2',
    availability_zones: ['use2-az1', 'use2-az2', 'use2-az3'],
    cidr_block: '10.42.0.0/22',
    ...overrides,
  });
  if (reply.status !== 201) throw new Error(`network: ${reply.status} ${reply.text}`);
  return reply.body;
}

export function configurationBody(controlPlaneId: unknown, networkId: unknown, extra: Record<string, unknown> = {}) {
  return {
    control_plane_id: controlPlaneId,
    control_plane_geo: 'us',
    version: '3.11',
    dataplane_groups: [
      { provider: 'aws', region: 'us-east-2', cloud_gateway_network_id: networkId, autoscale: { kind: 'autopilot', base_rps: 100 }, ...extra },
    ],
  };
}
