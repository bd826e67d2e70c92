import { formatRecord } from './dns-records.js';
import { estateProblems, type CustomDomainStatus, type EstateStatus } from './estate.js';

export type StatusFormat = 'text' | 'json' | 'markdown';

/** ` (eu)`: a row's geo, shown when the estate spans several. */
const inGeo = (geo: string | undefined) => (geo === undefined ? '' : ` (${geo})`);
const health = (h: { up: boolean; detail?: string } | undefined) => (h === undefined ? 'not probed' : h.up ? 'healthy' : `UNHEALTHY (${h.detail ?? 'down'})`);

function domainLines(d: CustomDomainStatus, indent: string): string[] {
  const lines: string[] = [];
  if (d.records.length === 0) lines.push(`${indent}DNS records: not known yet (the control plane's data planes report no hostname)`);
  else {
    lines.push(`${indent}DNS records to create:`);
    for (const r of d.records) lines.push(`${indent}  ${formatRecord(r)}`);
  }
  if (d.online) lines.push(`${indent}Konnect online status: cname ${d.online.cname}, ssl ${d.online.ssl}`);
  if (d.dns) {
    const caa = d.dns.caa;
    lines.push(`${indent}CAA: ${caa.allowed ? `pki.goog allowed${caa.at ? ` (records at ${caa.at})` : ' (no CAA records)'}` : `pki.goog NOT allowed by the records at ${caa.at ?? d.domain}`}`);
    if (caa.fix) lines.push(`${indent}  add: ${formatRecord(caa.fix)}`);
    for (const c of d.dns.cnames) {
      lines.push(`${indent}${c.record.name}: ${c.ok ? 'resolves to' : 'does NOT resolve to'} ${c.record.value}${c.ok ? '' : ` (now: ${c.actual.join(', ') || 'no CNAME'})`}`);
    }
  }
  return lines;
}

export function renderStatusText(estate: EstateStatus): string {
  const lines: string[] = [];
  const section = (title: string, count: number) => lines.push(`${title} (${count})`);
  section('Networks', estate.networks.length);
  for (const n of estate.networks) {
    lines.push(`  ${n.name}  ${n.provider}/${n.region ?? '?'}  ${n.state}`);
    if (n.iamRoleArn) lines.push(`    IAM role (AWS workload identity): ${n.iamRoleArn}`);
  }
  section('Configurations', estate.configurations.length);
  for (const c of estate.configurations) {
    lines.push(`  ${c.controlPlane}${inGeo(c.geo)}`);
    for (const g of c.dataPlaneGroups) {
      lines.push(`    ${g.provider}/${g.region}${g.network ? ` on ${g.network}` : ''}  ${g.state}  ${health(g.health)}`);
      if (g.egressIps.length > 0) lines.push(`      egress IPs: ${g.egressIps.join(', ')}`);
      if (g.hostnames.length > 0) lines.push(`      hostnames: ${g.hostnames.join(', ')}`);
    }
  }
  section('Custom domains', estate.customDomains.length);
  for (const d of estate.customDomains) {
    lines.push(`  ${d.domain}  (${d.controlPlane}${d.geo ? ` in ${d.geo}` : ''})  ${d.state}`);
    lines.push(...domainLines(d, '    '));
  }
  section('Add-ons', estate.addOns.length);
  for (const a of estate.addOns) lines.push(`  ${a.name}  (owner ${a.owner}${a.geo ? ` in ${a.geo}` : ''})  ${a.state}`);
  section('Control plane groups', estate.groups.length);
  for (const g of estate.groups) {
    lines.push(`  ${g.controlPlane}${inGeo(g.geo)}  ${g.state}`);
    for (const c of g.conflicts) lines.push(`    CONFLICT in ${c.member}: ${c.resource.type ?? 'entity'} ${c.resource.id ?? ''} ${c.description}`.trimEnd());
  }
  const problems = estateProblems(estate);
  lines.push('');
  if (problems.length === 0) lines.push('✓ all ready and healthy');
  else {
    lines.push(`✗ ${problems.length} not ready or not healthy:`);
    for (const p of problems) lines.push(`  - ${p}`);
  }
  return lines.join('\n');
}

export function renderStatusMarkdown(estate: EstateStatus): string {
  const out: string[] = ['## konsync status', ''];
  const table = (head: string[], rows: string[][]) => {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) out.push(`| ${row.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
    out.push('');
  };
  out.push('### Networks');
  table(['network', 'where', 'state', 'IAM role ARN'], estate.networks.map((n) => [n.name, `${n.provider}/${n.region ?? '?'}`, n.state, n.iamRoleArn ?? '']));
  out.push('### Data plane groups');
  table(
    ['control plane', 'where', 'state', 'health', 'egress IPs'],
    estate.configurations.flatMap((c) => c.dataPlaneGroups.map((g) => [`${c.controlPlane}${inGeo(c.geo)}`, `${g.provider}/${g.region}`, g.state, health(g.health), g.egressIps.join(', ')])),
  );
  out.push('### Custom domains');
  table(
    ['domain', 'control plane', 'state', 'online', 'DNS records'],
    estate.customDomains.map((d) => [d.domain, `${d.controlPlane}${inGeo(d.geo)}`, d.state, d.online ? `cname ${d.online.cname}, ssl ${d.online.ssl}` : '', d.records.map((r) => `\`${formatRecord(r)}\``).join('<br>')]),
  );
  out.push('### Add-ons');
  table(['add-on', 'owner', 'state'], estate.addOns.map((a) => [a.name, `${a.owner}${inGeo(a.geo)}`, a.state]));
  out.push('### Control plane groups');
  table(['group', 'state', 'conflicts'], estate.groups.map((g) => [`${g.controlPlane}${inGeo(g.geo)}`, g.state, g.conflicts.map((c) => `${c.member}: ${c.description}`).join('<br>')]));
  const problems = estateProblems(estate);
  out.push(problems.length === 0 ? '**All ready and healthy.**' : `**${problems.length} not ready or not healthy:**\n\n${problems.map((p) => `- ${p}`).join('\n')}`);
  return out.join('\n');
}

export function renderStatus(estate: EstateStatus, format: StatusFormat): string {
  if (format === 'json') return JSON.stringify({ ...estate, problems: estateProblems(estate), ok: estateProblems(estate).length === 0 }, null, 2);
  return format === 'markdown' ? renderStatusMarkdown(estate) : renderStatusText(estate);
}
