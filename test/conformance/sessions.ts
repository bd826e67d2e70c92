import { randomUUID } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { JsonObject } from '../../src/model/json.js';
import { harness } from '../emulator/core/harness.js';
import { recordingFetch, type ExchangeRecord } from './recording.js';

export interface Reply {
  status: number;
  body: JsonObject;
}

/** Something that answers Konnect requests (paths relative to `/v2`) and records each exchange. */
export interface Session {
  send(method: string, path: string, body?: unknown): Promise<Reply>;
  records: ExchangeRecord[];
  /** A control plane to work in. */
  controlPlaneId: string;
  stop(): Promise<void>;
}

/** The real emulator over HTTP, with one control plane created through the platform API. */
export async function httpSession(): Promise<Session> {
  const emulator: RunningEmulator = await startEmulator({ provisionMs: 0, seed: 7 });
  const recorder = recordingFetch();
  const send = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await recorder.wrapped(`${emulator.url}/v2${path}`, init);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as JsonObject };
  };
  const created = await send('POST', '/control-planes', { name: `conformance-${randomUUID().slice(0, 8)}`, cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', cloud_gateway: true });
  if (created.status !== 201) throw new Error(`cannot create a control plane: ${created.status} ${JSON.stringify(created.body)}`);
  return { send, records: recorder.records, controlPlaneId: String(created.body.id), stop: () => emulator.stop() };
}

/** The core-entities routes called in-process (no server): the same bodies, recorded the same way. */
export function directSession(): Session {
  const h = harness();
  const records: ExchangeRecord[] = [];
  const send = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const reply = await h.call(method, path, body);
    records.push({ method, path: `/v2${path}`, requestBody: body, status: reply.status, responseBody: reply.status === 204 ? undefined : reply.body });
    return reply;
  };
  return { send, records, controlPlaneId: Object.keys(h.ctx.data.controlPlanes)[0] ?? '', stop: async () => undefined };
}
