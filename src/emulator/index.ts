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
  /** Time an async resource spends provisioning before `ready`. Default 2000. */
  provisionMs?: number;
  /** e.g. `429=0.05,500=0.02,reset=0.01,timeout=0.005,latency=20-80ms`. */
  faults?: string;
  /** Seed for fault injection and ids. */
  seed?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  fault?: string;
  at: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: pass as --konnect-addr; APIs are under `/v2`. */
  url: string;
  token: string;
  readonly requestLog: RequestLogEntry[];
  stop(): Promise<void>;
}

/** OWNER: emulator. */
export async function startEmulator(_options: EmulatorOptions = {}): Promise<RunningEmulator> {
  throw new Error('not implemented yet');
}
