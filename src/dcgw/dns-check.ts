import { Resolver } from 'node:dns/promises';
import { caaRecord, trimDot, type DnsRecord } from './dns-records.js';

/** The lookups the DNS checks need: node's Resolver in production, a table in tests (they run offline). */
export interface DnsResolver {
  resolveCaa(name: string): Promise<Array<{ critical: number; issue?: string; issuewild?: string }>>;
  resolveCname(name: string): Promise<string[]>;
}

export function systemResolver(): DnsResolver {
  return new Resolver({ timeout: 5000, tries: 2 });
}

/** No such name or no records of that type: an empty answer, not a failure. */
const NO_ANSWER = new Set(['ENODATA', 'ENOTFOUND', 'NXDOMAIN']);

async function answer<T>(lookup: () => Promise<T[]>): Promise<T[]> {
  try {
    return await lookup();
  } catch (error) {
    if (NO_ANSWER.has((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
}

export interface CaaFinding {
  domain: string;
  /** Where the CAA records that govern the domain are (RFC 8659 climbs to the closest ancestor that has some). */
  at?: string;
  allowed: boolean;
  /** The record to add when issuance is not allowed. */
  fix?: DnsRecord;
}

/**
 * Whether Google Cloud Public CA (`pki.goog`) may issue for `domain`: no CAA records at all, or an `issue` record
 * naming it (dcgw-docs 000 FAQ: "If no CAA record exists, no changes are needed").
 */
export async function checkCaa(domain: string, resolver: DnsResolver): Promise<CaaFinding> {
  const labels = trimDot(domain).split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = labels.slice(i).join('.');
    const records = await answer(() => resolver.resolveCaa(name));
    if (records.length === 0) continue;
    const issuers = records.filter((r) => r.issue !== undefined).map((r) => (r.issue ?? '').split(';')[0]!.trim().toLowerCase());
    // A CAA set with no `issue` property restricts nothing (RFC 8659 §4.2).
    const allowed = issuers.length === 0 || issuers.includes('pki.goog');
    return allowed ? { domain, at: name, allowed } : { domain, at: name, allowed, fix: caaRecord(name) };
  }
  return { domain, allowed: true };
}

export interface CnameFinding {
  record: DnsRecord;
  /** What the name resolves to now (empty: no CNAME). */
  actual: string[];
  ok: boolean;
}

/** Whether each CNAME record points where Konnect expects. */
export async function checkCnames(records: readonly DnsRecord[], resolver: DnsResolver): Promise<CnameFinding[]> {
  const out: CnameFinding[] = [];
  for (const record of records) {
    if (record.type !== 'CNAME') continue;
    const actual = (await answer(() => resolver.resolveCname(record.name))).map(trimDot);
    out.push({ record, actual, ok: actual.includes(trimDot(record.value)) });
  }
  return out;
}

let injected: DnsResolver | undefined;

/** The resolver DNS checks use: the system's, unless a test swapped in its own (tests run offline). */
export function currentResolver(): DnsResolver {
  return injected ?? systemResolver();
}

/** Makes `resolver` the one DNS checks use until the returned function is called. */
export function useResolver(resolver: DnsResolver): () => void {
  const previous = injected;
  injected = resolver;
  return () => {
    injected = previous;
  };
}
