import { describe, expect, it } from 'vitest';
import { checkCaa, checkCnames, type DnsResolver } from '../../src/dcgw/dns-check.js';
import { customDomainRecords, formatRecord } from '../../src/dcgw/dns-records.js';
import { estateProblems, readGroupStatus, type EstateStatus } from '../../src/dcgw/estate.js';
import { renderAfterApply } from '../../src/dcgw/after-apply.js';
import { iamRoleArn } from '../../src/dcgw/iam.js';

const noData = () => Promise.reject(Object.assign(new Error('none'), { code: 'ENODATA' }));
function resolver(caa: Record<string, Array<{ issue?: string; iodef?: string }>>, cnames: Record<string, string[]> = {}): DnsResolver {
  return {
    resolveCaa: (name) => (caa[name] ? Promise.resolve(caa[name]!.map((r) => ({ critical: 0, ...r }))) : noData()),
    resolveCname: (name) => (cnames[name] ? Promise.resolve(cnames[name]!) : noData()),
  };
}

describe('custom domain DNS records (dcgw-docs 000, Custom DNS)', () => {
  it('match the documented example', () => {
    expect(customDomainRecords('example.com', '9e454bcfec.gateways.konggateway.com').map(formatRecord)).toEqual([
      'example.com. CNAME 9e454bcfec.gateways.konggateway.com.',
      '_acme-challenge.example.com. CNAME _acme-challenge.9e454bcfec.acme.gateways.konggateway.com.',
    ]);
  });
});

describe('CAA check', () => {
  it('no CAA records anywhere: allowed', async () => {
    expect(await checkCaa('api.example.com', resolver({}))).toEqual({ domain: 'api.example.com', allowed: true });
  });

  it('climbs to the closest ancestor with CAA records, and names the record to add there', async () => {
    const found = await checkCaa('api.example.com', resolver({ 'example.com': [{ issue: 'letsencrypt.org' }] }));
    expect(found).toMatchObject({ at: 'example.com', allowed: false, fix: { name: 'example.com', type: 'CAA', value: '0 issue "pki.goog"' } });
  });

  it('an issue record for pki.goog (with parameters) allows it; records without issue restrict nothing', async () => {
    expect((await checkCaa('a.example.com', resolver({ 'a.example.com': [{ issue: 'letsencrypt.org' }, { issue: 'pki.goog; cansignhttpexchanges=yes' }] }))).allowed).toBe(true);
    expect((await checkCaa('a.example.com', resolver({ 'a.example.com': [{ iodef: 'mailto:x@example.com' }] }))).allowed).toBe(true);
  });

  it('a resolver failure other than "no such record" is an error, not a pass', async () => {
    const failing: DnsResolver = { resolveCaa: () => Promise.reject(Object.assign(new Error('timeout'), { code: 'ETIMEOUT' })), resolveCname: noData };
    await expect(checkCaa('a.example.com', failing)).rejects.toThrow('timeout');
  });
});

describe('CNAME check', () => {
  it('compares without case or trailing dot', async () => {
    const records = customDomainRecords('api.example.com', 'abc.gateways.konggateway.com');
    const found = await checkCnames(records, resolver({}, { 'api.example.com': ['ABC.gateways.konggateway.com.'] }));
    expect(found.map((f) => [f.record.name, f.ok, f.actual])).toEqual([
      ['api.example.com', true, ['abc.gateways.konggateway.com']],
      ['_acme-challenge.api.example.com', false, []],
    ]);
  });
});

describe('AWS workload identity', () => {
  it('is arn:aws:iam::<Konnect account>:role/<network id>', () => {
    expect(iamRoleArn('123456789012', 'net-uuid')).toBe('arn:aws:iam::123456789012:role/net-uuid');
  });
});

describe('group status conflicts', () => {
  const body = {
    item: {
      id: 'g1',
      state: 'CONFLICT',
      conflicts: [{ cluster_id: 'cp-b', description: 'conflicting entity found: ID=38d7, Name=svc', resource: { id: '38d7', type: 'service' } }],
    },
  };

  it('names the member and the resource, makes status not ok, and is printed after an apply', () => {
    const status = readGroupStatus(body, new Map([['cp-b', 'team-b']]));
    expect(status).toEqual({ state: 'CONFLICT', conflicts: [{ member: 'team-b', description: 'conflicting entity found: ID=38d7, Name=svc', resource: { id: '38d7', type: 'service' } }] });
    const estate: EstateStatus = { networks: [], configurations: [], customDomains: [], addOns: [], groups: [{ controlPlane: 'shared', ...status }] };
    expect(estateProblems(estate)).toEqual(['control plane group shared has 1 conflict(s)']);
    expect(renderAfterApply({ networks: [], customDomains: [], groups: estate.groups })).toBe(
      'Control plane group shared: CONFLICT\n  in team-b: service 38d7 conflicting entity found: ID=38d7, Name=svc',
    );
  });

  it('an OK group is silent after an apply', () => {
    const status = readGroupStatus({ item: { state: 'OK', conflicts: [] } }, new Map());
    expect(renderAfterApply({ networks: [], customDomains: [], groups: [{ controlPlane: 'shared', ...status }] })).toBe('');
  });
});
