import { createPrng } from './prng.js';

/**
 * `429`: a transient refusal (the window still has room; half of them carry a short Retry-After, half none).
 * `exhaust`: the window runs out now, so every request is refused until it resets, as Konnect's limiter does.
 */
export type FaultKind = '429' | 'exhaust' | '500' | 'reset' | 'timeout';
const KINDS: FaultKind[] = ['429', 'exhaust', '500', 'reset', 'timeout'];

export interface FaultSpec {
  probabilities: Partial<Record<FaultKind, number>>;
  latency?: { min: number; max: number };
}

export interface FaultDecision {
  fault?: FaultKind;
  latencyMs: number;
  /** For a transient `429`: whether it carries a Retry-After (drawn, so half of them do). */
  retryAfter?: boolean;
}

/** Parses `429=0.05,exhaust=0.001,500=0.02,reset=0.01,timeout=0.005,latency=20-80ms` (or `latency=50ms`). */
export function parseFaults(text: string): FaultSpec {
  const spec: FaultSpec = { probabilities: {} };
  for (const part of text.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
    const [name = '', value = ''] = part.split('=').map((item) => item.trim());
    if (name === 'latency') {
      const match = /^(\d+)(?:-(\d+))?ms$/.exec(value);
      if (!match) throw new Error(`faults: latency must look like 50ms or 20-80ms, got "${value}"`);
      const min = Number(match[1]);
      const max = Number(match[2] ?? match[1]);
      if (max < min) throw new Error(`faults: latency range ${value} is reversed`);
      spec.latency = { min, max };
      continue;
    }
    if (!KINDS.includes(name as FaultKind)) throw new Error(`faults: unknown fault "${name}" (expected ${KINDS.join(', ')} or latency)`);
    const probability = Number(value);
    if (value === '' || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      throw new Error(`faults: ${name} needs a probability between 0 and 1, got "${value}"`);
    }
    spec.probabilities[name as FaultKind] = probability;
  }
  const total = Object.values(spec.probabilities).reduce((sum, p) => sum + p, 0);
  if (total > 1) throw new Error(`faults: probabilities add up to ${total}, more than 1`);
  return spec;
}

/** Draws one decision per request from a seeded generator, so a seed replays the same faults in the same order. */
export class FaultInjector {
  private readonly random: () => number;

  constructor(
    private readonly spec: FaultSpec,
    seed: number,
  ) {
    this.random = createPrng(seed);
  }

  next(): FaultDecision {
    const roll = this.random();
    let cumulative = 0;
    let fault: FaultKind | undefined;
    for (const kind of KINDS) {
      cumulative += this.spec.probabilities[kind] ?? 0;
      if (roll < cumulative) {
        fault = kind;
        break;
      }
    }
    const latency = this.spec.latency;
    const latencyMs = latency ? latency.min + Math.floor(this.random() * (latency.max - latency.min + 1)) : 0;
    if (fault === '429') return { fault, latencyMs, retryAfter: this.random() < 0.5 };
    return fault ? { fault, latencyMs } : { latencyMs };
  }
}
