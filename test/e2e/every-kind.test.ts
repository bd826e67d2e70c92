import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../src/kinds/kind-names.js';
import { TEST_CERT, TEST_CERT_DER_SHA256, TEST_KEY } from '../fixtures/certs.js';
import { parseJson, startHarness, type Harness } from './harness.js';
import { contentKey } from '../../src/kinds/core-entity.js';
import { KonnectClient } from '../../src/konnect/client.js';
import { readLiveState } from '../../src/state/read/index.js';
import { DumpBuilder, dumpState, toYaml } from '../../src/state/dump/index.js';
import { emptyDesiredState } from '../../src/cli/pipeline.js';

/** The CA certificate's key as dump writes it (`ca-<hash>`): how an mTLS credential names it without an id. */
const CA_KEY = contentKey('ca', TEST_CERT)!;

// Issue 7 item 3: one entity of every kind, with every optional field the spec allows, syncs to a state that diffs
// clean (no server-computed field reads as drift) and a second sync sends nothing. The CA certificate carries the
// `cert_digest` a decK dump writes.
const indent = (text: string, spaces: number) => text.trim().split('\n').map((line) => `${' '.repeat(spaces)}${line}`).join('\n');

const platform = `_konnect: { geo: us }
control_planes:
  - name: ek-group
    description: every kind, the group
    cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP
    cloud_gateway: true
    labels: { team: platform }
    members: [ek-cp]
  - name: ek-cp
    description: every kind
    cloud_gateway: true
    auth_type: pinned_client_certs
    labels: { team: payments, env: test }
    proxy_urls: [{ host: api.example.com, port: 443, protocol: https }]
cloud_gateways:
  networks:
    - name: ek-net
      provider: aws
      region: us-east-2
      availability_zones: [use2-az1, use2-az2, use2-az3]
      cidr_block: 10.42.0.0/22
      transit_gateways:
        - name: ek-tgw
          cidr_blocks: [10.100.0.0/16]
          dns_config:
            - remote_dns_server_ip_addresses: [10.100.0.2]
              domain_proxy_list: [internal.example.com]
          transit_gateway_attachment_config:
            kind: aws-transit-gateway-attachment
            transit_gateway_id: tgw-0a1b2c3d4e5f60718
            ram_share_arn: arn:aws:ram:us-east-2:123456789012:resource-share/6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b
      private_dns:
        - name: ek-dns
          private_dns_attachment_config:
            kind: aws-private-hosted-zone-attachment
            hosted_zone_id: Z0123456789ABCDEFGHIJ
  configurations:
    - control_plane: ek-group
      version: "3.11"
      api_access: private+public
      dataplane_groups:
        - provider: aws
          region: us-east-2
          network: ek-net
          autoscale: { kind: autopilot, base_rps: 100, max_rps: 1000 }
          environment: [{ name: KONG_LOG_LEVEL, value: info }]
  custom_domains:
    - { control_plane: ek-group, domain: api.example.com }
  add_ons:
    - name: ek-cache
      owner: { control_plane_group: ek-group }
      config: { kind: managed-cache.v0, capacity_config: { kind: tiered, tier: small } }
`;

const gateway = `_format_version: "3.0"
_konnect: { control_plane_name: ek-cp }
_info: { include_plugin_definitions: true }
vaults:
  - name: env
    prefix: ek-env
    description: environment vault
    config: { prefix: EK_ }
    tags: [ek]
certificates:
  - cert: |
${indent(TEST_CERT, 6)}
    key: |
${indent(TEST_KEY, 6)}
    tags: [ek]
    snis:
      - { name: www.example.com, tags: [ek] }
ca_certificates:
  - cert: |
${indent(TEST_CERT, 6)}
    cert_digest: ${TEST_CERT_DER_SHA256}
    tags: [ek]
custom_plugins:
  - name: ek-header
    handler: return { PRIORITY = 500, VERSION = "1.0" }
    schema: return { name = "ek-header", fields = { { config = { type = "record", fields = {} } } } }
    tags: [ek]
partials:
  - name: ek-redis
    type: redis-ee
    config: { host: redis.internal, port: 6380, database: 1, username: app, password: redis-pw-1, ssl: true, ssl_verify: true, server_name: redis.internal, connect_timeout: 1500, read_timeout: 1500, send_timeout: 1500, keepalive_pool_size: 64 }
    tags: [ek]
upstreams:
  - name: ek-up
    algorithm: consistent-hashing
    hash_on: header
    hash_on_header: x-user
    hash_fallback: ip
    host_header: backend.internal
    slots: 100
    use_srv_name: false
    tags: [ek]
    healthchecks:
      threshold: 25
      active:
        type: http
        http_path: /health
        timeout: 2
        concurrency: 5
        healthy: { interval: 5, successes: 2, http_statuses: [200, 302] }
        unhealthy: { interval: 5, http_failures: 3, tcp_failures: 3, timeouts: 3, http_statuses: [500, 503] }
    targets:
      - { target: 10.0.0.1:8080, weight: 50, tags: [ek] }
services:
  - name: ek-svc
    host: ek-up
    port: 8443
    protocol: https
    path: /api
    retries: 3
    connect_timeout: 5000
    read_timeout: 6000
    write_timeout: 7000
    enabled: true
    tls_verify: true
    tls_verify_depth: 2
    tags: [ek]
    routes:
      - name: ek-route
        protocols: [https]
        methods: [GET, POST]
        hosts: [api.example.com]
        paths: [/orders]
        headers: { x-team: [payments] }
        snis: [api.example.com]
        https_redirect_status_code: 308
        preserve_host: true
        request_buffering: false
        response_buffering: false
        strip_path: false
        path_handling: v1
        regex_priority: 5
        tags: [ek]
        plugins:
          - name: cors
            instance_name: ek-cors
            enabled: true
            protocols: [https]
            config: { origins: [https://example.com], credentials: true, max_age: 600 }
            tags: [ek]
    plugins:
      - name: rate-limiting-advanced
        partials: [{ name: ek-redis, path: config.redis }]
        config: { limit: [100], window_size: [60], namespace: ek, strategy: redis, sync_rate: 1 }
        tags: [ek]
consumer_groups:
  - name: ek-gold
    tags: [ek]
consumers:
  - username: ek-alice
    custom_id: alice-1
    tags: [ek]
    groups: [{ name: ek-gold }]
    keyauth_credentials:
      - { key: ek-alice-key-1, ttl: 0, tags: [ek] }
    basicauth_credentials:
      - { username: ek-alice-basic, password: basic-pw-1, tags: [ek] }
    acls:
      - { group: ek-admins, tags: [ek] }
    jwt_secrets:
      - { key: ek-alice-iss, secret: jwt-secret-1, algorithm: HS512, tags: [ek] }
    hmacauth_credentials:
      - { username: ek-alice-hmac, secret: hmac-secret-1, tags: [ek] }
    mtls_auth_credentials:
      - { subject_name: alice@example.com, ca_certificate: ${CA_KEY}, tags: [ek] }
plugins:
  - name: ek-header
    enabled: true
    protocols: [http, https]
    config: {}
    tags: [ek]
  - name: request-transformer
    consumer: ek-alice
    config: { add: { headers: ["x-consumer:alice"] } }
  - name: rate-limiting
    consumer_group: ek-gold
    config: { minute: 10, policy: local }
key_sets:
  - { name: ek-keys, tags: [ek] }
keys:
  - name: ek-signing
    kid: ek-1
    pem: { public_key: PUBLIC-PEM, private_key: PRIVATE-PEM }
    set: ek-keys
    tags: [ek]
custom_entities:
  - type: degraphql_routes
    fields: { service: { name: ek-svc }, uri: /users, query: "query { users { id } }", methods: [GET, POST] }
  - type: graphql_ratelimiting_cost_decorations
    fields: { service: { name: ek-svc }, type_path: Query.users, add_constant: 2, mul_constant: 3, add_arguments: [first], mul_arguments: [] }
`;

describe('one entity of every kind, every optional field', () => {
  let h: Harness;
  let state: string[];
  beforeAll(async () => {
    h = await startHarness();
    await h.write('state/platform.yaml', platform);
    await h.write('state/ek-cp.yaml', gateway);
    state = ['-s', h.path('state'), ...h.konnect];
  });
  afterAll(async () => h?.stop());

  it('covers every kind konsync manages', async () => {
    const plan = await h.run(['diff', ...state, '--output', 'json']);
    expect(plan.code, plan.out + plan.err).toBe(2);
    const kinds = new Set((parseJson(plan.out).operations as Array<{ kind: string }>).map((op) => op.kind));
    // Provider accounts are read-only lookups, never planned.
    expect([...kinds].sort()).toEqual(KIND_NAMES.filter((kind) => kind !== 'provider_account').sort());
  });

  it('syncs, then diffs clean and a second sync is a no-op', async () => {
    const first = await h.run(['sync', ...state, '--yes']);
    expect(first.code, first.out + first.err).toBe(0);
    const diff = await h.run(['diff', ...state]);
    expect(diff.out + diff.err).toContain('No changes');
    expect(diff.code, diff.out + diff.err).toBe(0);
    const second = await h.run(['sync', ...state, '--yes', '--output', 'json']);
    expect(second.code, second.out + second.err).toBe(0);
    expect((parseJson(second.out).plan as { summary: { total: number } }).summary.total).toBe(0);
  });

  // Issue 12: dump builds its files as each kind is decoded (kinds in the order their listings end), and renders
  // list items ahead, each item as its page is decoded; the files must be byte for byte those built from the whole
  // live state afterwards.
  it('a dump built during the read writes the same files as one built after it', async () => {
    const api = new KonnectClient({ token: h.emulator.token, addr: h.emulator.url });
    for (const options of [{}, { withId: true, selectTags: ['ek'] }, { controlPlanes: ['ek-cp'] }]) {
      const builder = new DumpBuilder(options);
      const live = await readLiveState(api, emptyDesiredState('us'), {
        everything: true,
        schemaDefaults: false,
        onKindDecoded: (kind, entities, controlPlane) => builder.add(kind, entities, controlPlane),
        onEntityDecoded: (entity) => builder.prepare(entity),
      });
      const streamed = builder.finish();
      const after = dumpState(live, options);
      expect(streamed.documents.map((document) => document.file)).toEqual(after.documents.map((document) => document.file));
      expect(streamed.documents.length).toBeGreaterThan(0);
      expect(streamed.documents.map((document) => toYaml(document, builder.rendered))).toEqual(after.documents.map((document) => toYaml(document)));
      expect(streamed.warnings).toEqual(after.warnings);
    }
  });
});
