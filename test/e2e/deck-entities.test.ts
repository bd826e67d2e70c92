import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CP, platformYaml } from './states.js';
import { controlPlaneId, parseJson, SECRET, startHarness, type Harness } from './harness.js';

const CA_ID = '5a1b2c3d-0000-4000-8000-00000000ca01';
const CA_CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZTEST\n-----END CERTIFICATE-----';
const JWK = '{"kty":"RSA","kid":"sig-1","n":"abc","e":"AQAB"}';
const QUERY = 'query { users { id email } }';

/** A decK file with every entity this suite covers, written as decK writes them. */
function gatewayYaml(addConstant = 2): string {
  return `_format_version: "3.0"
_konnect: { control_plane_name: ${CP} }
services:
  - name: gql
    url: http://graphql.internal:8080/graphql
ca_certificates:
  - id: ${CA_ID}
    cert: |
${CA_CERT.split('\n').map((line) => `      ${line}`).join('\n')}
key_sets:
  - name: idp
keys:
  - name: signing
    kid: sig-1
    jwk: '${JWK}'
    set: { name: idp }
  - kid: pem-1
    pem:
      public_key: PUBLIC-PEM
      private_key: \${{ env "DECK_E2E_SECRET" }}
    set: { name: idp }
consumers:
  - username: alice
    mtls_auth_credentials:
      - subject_name: alice@example.com
        ca_certificate: { id: ${CA_ID} }
custom_entities:
  - type: degraphql_routes
    fields:
      service: { name: gql }
      uri: /users
      query: "${QUERY}"
  - type: graphql_ratelimiting_cost_decorations
    fields:
      service: { name: gql }
      type_path: Query.users
      add_constant: ${addConstant}
`;
}

type Listed = { data: Array<Record<string, unknown>> };

describe('decK keys, key sets, mTLS credentials and custom entities against the emulator', () => {
  let h: Harness;
  let state: string[];
  let base: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platformYaml());
    await h.write('state/payments.yaml', gatewayYaml());
    state = ['-s', h.path('state')];
  });
  afterAll(async () => h?.stop());

  const list = async (path: string) => ((await h.api('GET', `${base}${path}`)) as Listed).data;

  it('syncs them from empty, keeping the private key out of every output', async () => {
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(result.code, result.out + result.err).toBe(0);
    expect(result.out + result.err).not.toContain(SECRET);
    base = `/control-planes/${await controlPlaneId(h, CP)}/core-entities`;
    const [set] = await list('/key-sets');
    expect(set).toMatchObject({ name: 'idp' });
    const keys = await list('/keys');
    expect(keys.map((key) => key.kid).sort()).toEqual(['pem-1', 'sig-1']);
    for (const key of keys) expect(key.set).toEqual({ id: set!.id });
    expect(keys.find((key) => key.kid === 'pem-1')!.pem).toEqual({ public_key: 'PUBLIC-PEM', private_key: SECRET });
    const [ca] = await list('/ca_certificates');
    expect(await list('/consumers/alice/mtls-auth')).toMatchObject([{ subject_name: 'alice@example.com', ca_certificate: { id: ca!.id } }]);
    const [service] = await list('/services');
    expect(await list(`/services/gql/degraphql/routes`)).toMatchObject([{ uri: '/users', query: QUERY, methods: ['GET'], service: { id: service!.id } }]);
    expect(await list(`/services/gql/graphql-rate-limiting-advanced/costs`)).toMatchObject([{ type_path: 'Query.users', add_constant: 2, mul_constant: 1 }]);
  });

  it('diff is clean, Konnect validates each of them, and a second sync is a no-op', async () => {
    const logged = h.emulator.requestLog.length;
    const validated = await h.run(['validate', ...state, ...h.konnect, '--online']);
    expect(validated.code, validated.out + validated.err).toBe(0);
    const checked = h.emulator.requestLog.slice(logged).map((entry) => entry.path).filter((path) => path.endsWith('/validate'));
    expect(checked.length).toBeGreaterThanOrEqual(5);
    const diff = await h.run(['diff', ...state, ...h.konnect, '--output', 'json']);
    expect(diff.code, diff.out + diff.err).toBe(0);
    const result = await h.run(['sync', ...state, ...h.konnect, '--yes', '--output', 'json']);
    expect(result.code, result.out + result.err).toBe(0);
    const body = parseJson(result.out) as { plan: { summary: { total: number } } };
    expect(body.plan.summary.total).toBe(0);
  });

  it('dumps them where decK writes them, and the dump diffs clean', async () => {
    const dumped = await h.run(['dump', ...h.konnect, '--out', h.path('dumped')], { DECK_E2E_SECRET: SECRET });
    expect(dumped.code, dumped.out + dumped.err).toBe(0);
    const text = await readFile(h.path(`dumped/${CP}.yaml`), 'utf8');
    expect(text).not.toContain(SECRET);
    const doc = parse(text) as Record<string, Array<Record<string, unknown>>>;
    expect(doc.key_sets).toEqual([{ name: 'idp' }]);
    expect(doc.keys).toContainEqual({ name: 'signing', kid: 'sig-1', jwk: JWK, set: 'idp' });
    expect(doc.keys).toContainEqual({ kid: 'pem-1', pem: { public_key: 'PUBLIC-PEM', private_key: '${{ env "DECK_E2E_SECRET" }}' }, set: 'idp' });
    const alice = doc.consumers!.find((c) => c.username === 'alice')!;
    expect(alice.mtls_auth_credentials).toEqual([{ subject_name: 'alice@example.com', ca_certificate: expect.stringMatching(/^ca-[0-9a-f]{12}$/) }]);
    expect(doc.custom_entities).toEqual([
      { type: 'degraphql_routes', fields: { service: { name: 'gql' }, methods: ['GET'], query: QUERY, uri: '/users' } },
      {
        type: 'graphql_ratelimiting_cost_decorations',
        fields: { service: { name: 'gql' }, add_arguments: [], add_constant: 2, mul_arguments: [], mul_constant: 1, type_path: 'Query.users' },
      },
    ]);
    const diff = await h.run(['diff', '-s', h.path('dumped'), ...h.konnect]);
    expect(diff.code, diff.out + diff.err).toBe(0);
  });

  it('a changed cost decoration is updated in place, and entities left out of the file are deleted', async () => {
    await h.write('state/payments.yaml', gatewayYaml(5).replace(/ {2}- type: degraphql_routes\n(.*\n){4}/, ''));
    const sync = await h.run(['sync', ...state, ...h.konnect, '--yes']);
    expect(sync.code, sync.out + sync.err).toBe(0);
    expect(await list('/degraphql_routes')).toEqual([]);
    expect(await list('/graphql-rate-limiting-advanced/costs')).toMatchObject([{ type_path: 'Query.users', add_constant: 5 }]);
    expect((await h.run(['diff', ...state, ...h.konnect])).code).toBe(0);
  });
});
