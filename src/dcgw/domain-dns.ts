import type { DesiredState, LiveState } from '../model/state.js';
import { checkCaa, checkCnames, type CaaFinding, type CnameFinding, type DnsResolver } from './dns-check.js';
import { formatRecord, type DnsRecord } from './dns-records.js';
import { recordsFor } from './estate.js';

/** One declared custom domain: the records it needs (known once its control plane's data planes have a hostname). */
export interface DomainDns {
  domain: string;
  controlPlane: string;
  records: DnsRecord[];
  /** `--check-dns` */
  caa?: CaaFinding;
  cnames?: CnameFinding[];
}

/** The custom domains the files declare, with their records from live state (none offline). */
export function declaredDomains(desired: DesiredState, live?: LiveState): DomainDns[] {
  return desired.entities
    .filter((e) => e.kind === 'custom_domain')
    .map((e) => {
      const controlPlane = String(e.fields.control_plane);
      return { domain: e.key, controlPlane, records: live ? recordsFor(live, e.key, controlPlane) : [] };
    });
}

/** Asks public DNS about each domain: CAA always, CNAMEs where the targets are known. */
export async function checkDomains(domains: DomainDns[], resolver: DnsResolver): Promise<DomainDns[]> {
  return Promise.all(domains.map(async (d) => ({ ...d, caa: await checkCaa(d.domain, resolver), cnames: await checkCnames(d.records, resolver) })));
}

/** What DNS gets wrong, one line each: certificates cannot be issued, or traffic does not reach the gateway. */
export function dnsWarnings(domains: readonly DomainDns[]): string[] {
  const out: string[] = [];
  for (const d of domains) {
    if (d.caa && !d.caa.allowed) {
      out.push(`custom domain ${d.domain}: the CAA records at ${d.caa.at ?? d.domain} do not allow pki.goog, which issues Konnect's certificates; add: ${formatRecord(d.caa.fix!)}`);
    }
    for (const c of d.cnames ?? []) {
      if (!c.ok) out.push(`custom domain ${d.domain}: ${c.record.name} does not resolve to ${c.record.value} (now: ${c.actual.join(', ') || 'no CNAME'})`);
    }
  }
  return out;
}

/** The records section of diff's text and markdown output. */
export function renderDomainRecords(domains: readonly DomainDns[]): string {
  const lines: string[] = [];
  for (const d of domains) {
    if (d.records.length === 0) continue;
    lines.push(`DNS records for custom domain ${d.domain}:`);
    for (const r of d.records) lines.push(`  ${formatRecord(r)}`);
  }
  return lines.join('\n');
}
