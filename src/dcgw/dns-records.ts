/** A DNS record the user must create at their registrar. */
export interface DnsRecord {
  name: string;
  type: 'CNAME' | 'CAA';
  value: string;
}

/**
 * The two CNAMEs a custom domain needs (dcgw-docs 000, "Custom DNS"): the domain to the control plane's gateway host
 * (`<prefix>.gateways.<zone>`), and `_acme-challenge.<domain>` to `_acme-challenge.<prefix>.acme.gateways.<zone>`, the
 * pattern of Konnect's example and of its own CNAME error message (cloud-gateways spec, CustomDomainStateMetadata).
 */
export function customDomainRecords(domain: string, gatewayHost: string): DnsRecord[] {
  const host = trimDot(gatewayHost);
  const dot = host.indexOf('.');
  const acme = dot < 0 ? `_acme-challenge.${host}.acme` : `_acme-challenge.${host.slice(0, dot)}.acme${host.slice(dot)}`;
  return [
    { name: domain, type: 'CNAME', value: host },
    { name: `_acme-challenge.${domain}`, type: 'CNAME', value: acme },
  ];
}

/** The CAA record that lets Google Cloud Public CA, which issues Konnect's certificates, do so (dcgw-docs 000 FAQ). */
export function caaRecord(domain: string): DnsRecord {
  return { name: domain, type: 'CAA', value: '0 issue "pki.goog"' };
}

export function formatRecord(record: DnsRecord): string {
  return `${record.name}. ${record.type} ${record.value}${record.type === 'CNAME' ? '.' : ''}`;
}

export const trimDot = (name: string): string => name.replace(/\.$/, '').toLowerCase();
