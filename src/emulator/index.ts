import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext, EmulatorData } from './types.js';
import { coreHooks, coreRoutes } from './core/index.js';
import { Lifecycles } from './lifecycle.js';
import { Router } from './router.js';
import { createPrng, uuidFrom } from './prng.js';
import { RateLimiter } from './rate-limit.js';
import { FaultInjector, parseFaults } from './faults.js';
import { Saver, loadData } from './persistence.js';
import { emptyData, seedOrg } from './seed.js';
import { createEmulatorServer } from './server.js';
import { platformRoutes } from './routes/index.js';
import { DEFAULT_PROVISION_MS, DEFAULT_RATE_LIMIT, DEFAULT_TOKEN } from './defaults.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** JSON file the state is saved to (atomically) and reloaded from. */
  dataFile?: string;
  /** Bearer token accepted. Default `kpat_emulator`. */
  token?: string;
  /** Requests per minute before 429. Default 3000, as observed on Konnect. */
  rateLimitPerMinute?: number;
  /** Leave Retry-After out of 429s, as Konnect sometimes does. */
  omitRetryAfter?: boolean;
  /**
   * Announce the limit: `ratelimit-*` and `x-ratelimit-*-minute` on every response, `retry-after` on 429s. With
   * false none of them is sent (a 429 is the bare body): the client has to learn the limit. Default true.
   */
  rateLimitHeaders?: boolean;
  /** Time an async resource spends provisioning before `ready`. Default 2000. */
  provisionMs?: number;
  /** e.g. `429=0.05,500=0.02,reset=0.01,timeout=0.005,latency=20-80ms`. */
  faults?: string;
  /** Seed for fault injection and ids. */
  seed?: number;
  /** The emulator's clock in ms since the epoch (lifecycles, rate-limit windows, timestamps). Default `Date.now`. */
  now?: () => number;
}

export interface RequestLogEntry {
  method: string;
  /** Path and query string as received (`/v2/control-planes?page[size]=100`). */
  path: string;
  /** 0 when no response was sent (`reset` and `timeout` faults). */
  status: number;
  fault?: string;
  at: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: pass as --konnect-addr; APIs are under `/v2` (global and us) and `/<geo>/v2`. */
  url: string;
  token: string;
  readonly requestLog: RequestLogEntry[];
  stop(): Promise<void>;
}

export { DEFAULT_PROVISION_MS, DEFAULT_RATE_LIMIT, DEFAULT_TOKEN };

function idSource(seed: number | undefined): () => string {
  if (seed === undefined) return randomUUID;
  const random = createPrng(seed ^ 0x5eed1d5);
  return () => uuidFrom(random);
}

/** Every route the emulator serves (also how tests learn which spec operations it serves). */
export function emulatorRouter(ctx: EmulatorContext, lifecycles = new Lifecycles()): Router {
  return new Router([...platformRoutes({ ctx, hooks: coreHooks, lifecycles }), ...coreRoutes(ctx)]);
}

/** OWNER: emulator. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const token = options.token ?? DEFAULT_TOKEN;
  const now = options.now ?? Date.now;
  const faultSpec = options.faults ? parseFaults(options.faults) : undefined;
  const loaded = options.dataFile ? loadData(options.dataFile) : undefined;
  const data: EmulatorData = loaded ?? emptyData();
  const saver = options.dataFile ? new Saver(options.dataFile, () => data) : undefined;
  const ctx: EmulatorContext = {
    data,
    now,
    newId: idSource(options.seed),
    provisionMs: options.provisionMs ?? DEFAULT_PROVISION_MS,
    touch: () => saver?.schedule(),
  };
  if (!loaded) seedOrg(ctx);

  const lifecycles = new Lifecycles();
  const router = emulatorRouter(ctx, lifecycles);
  const requestLog: RequestLogEntry[] = [];
  const { server, held } = createEmulatorServer({
    dispatcher: { ctx, router, lifecycles, token },
    limiter: new RateLimiter(
      options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
      now,
      options.omitRetryAfter ?? false,
      options.rateLimitHeaders ?? true,
    ),
    ...(faultSpec ? { faults: new FaultInjector(faultSpec, options.seed ?? 1) } : {}),
    log: requestLog,
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requestLog,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => saver?.flush());
      return stopped;
    },
  };
}
