import type { Clock } from '../../src/konnect/clock.js';
import type { Transport, TransportRequest, TransportResponse } from '../../src/konnect/transport.js';

export interface Sent {
  at: number;
  request: TransportRequest;
}

/** A transport answering from `answer`, after `latencyMs` on the given (fake) clock; records what was sent. */
export function fakeTransport(
  clock: Clock,
  answer: (request: TransportRequest, index: number) => Partial<TransportResponse> | Error,
  latencyMs = 10,
): { transport: Transport; sent: Sent[]; running: () => number; maxRunning: () => number } {
  const sent: Sent[] = [];
  let running = 0;
  let maxRunning = 0;
  const transport: Transport = async (request, signal) => {
    const index = sent.length;
    sent.push({ at: clock.now(), request });
    running++;
    maxRunning = Math.max(maxRunning, running);
    try {
      await clock.sleep(latencyMs, signal);
      const out = answer(request, index);
      if (out instanceof Error) throw out;
      return { status: out.status ?? 200, headers: out.headers ?? {}, body: out.body ?? '{}' };
    } finally {
      running--;
    }
  };
  return { transport, sent, running: () => running, maxRunning: () => maxRunning };
}

/** Largest number of timestamps inside any window [t, t + windowMs). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - windowMs + 1) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

export function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

export const ok = (body: unknown = { data: [] }): Partial<TransportResponse> => ({ status: 200, body: JSON.stringify(body) });
