import type { SpecOracle } from '../spec-oracle.js';
import { operationRows, type Coverage, type OperationRow } from './operations.js';

// docs/EMULATOR.md: the operation table is generated from the specs, the emulator's router and konsync's kinds
// (spec-derived.test.ts fails when it is stale); the behaviour table is kept here, next to the tests it cites.

export const EMULATOR_DOC = 'docs/EMULATOR.md';

interface Behaviour {
  behaviour: string;
  implemented: 'yes' | 'partly' | 'no';
  notes: string;
}

const BEHAVIOURS: Behaviour[] = [
  { behaviour: 'Bearer token on every operation but `GET /cloud-gateways/availability.json`', implemented: 'yes', notes: 'fuzz sweep: every served operation with a wrong token' },
  { behaviour: '401 body as each spec documents it', implemented: 'yes', notes: 'core entities: `application/json {message, status}` (HTTP401Error), `GET /core-entities/targets` and the platform APIs: problem+json' },
  { behaviour: 'Platform pagination `page[size]`, `page[number]`, `meta.page`', implemented: 'yes', notes: 'group memberships: `page[after]` cursor, `meta.page.next`' },
  { behaviour: 'Core-entity pagination `size` (1-1000), `offset`, `next`', implemented: 'yes', notes: 'fuzz: pages of every size walk every item once; a bad offset is a 400; a page read after writes starts right after its offset item, in creation order (test/emulator/core/lists.test.ts); a page costs its own size, not the size of the collection (sorted order kept until a write)' },
  { behaviour: 'Platform list filters (`filter[field][op]`, every documented operator)', implemented: 'yes', notes: 'fuzz: one request per documented field and operator of every top-level list' },
  { behaviour: 'Core-entity list filters: `tags` (`a,b` all, `a/b` any), `filter[name][eq|contains]` (services, routes, plugins, consumers by username), `custom_id`', implemented: 'yes', notes: 'undocumented filters are refused with a 400' },
  { behaviour: 'Control plane `labels` and `sort` query parameters', implemented: 'yes', notes: '' },
  {
    behaviour: 'Request body validation: types, integer ranges (int64 where the spec gives none), enums, lengths, required fields, unknown properties, nullability',
    implemented: 'yes',
    notes: 'hand-written schemas from the specs; AI partial schemas generated from the spec (`src/emulator/core/schemas/ai-partials.ts`); core entities read a null as unset, as Kong does',
  },
  { behaviour: 'Error bodies: problem+json with `invalid_parameters` (platform), Koko `{code, message, details}` (core entities)', implemented: 'yes', notes: 'fuzz: single-rule invalid bodies' },
  { behaviour: '405 with `Allow`; 415 for a body declared as anything but JSON; 400 for malformed JSON; 413 above 10 MB', implemented: 'yes', notes: 'test/emulator/fidelity.test.ts, test/emulator/server.test.ts' },
  { behaviour: 'Asynchronous states (networks, transit gateways, private DNS, custom domains, data-plane groups)', implemented: 'yes', notes: '`--provision-ms`' },
  { behaviour: '429 rate limiting (not in the specs; Konnect’s observed headers and body)', implemented: 'yes', notes: '' },
  {
    behaviour: 'Regional hosts (the specs’ `servers`): control planes and their core entities per geo, Cloud Gateways global; `control_plane_geo` / `control_plane_group_geo` must name the control plane’s geo',
    implemented: 'yes',
    notes: '`/v2` is the global host and the us host, `/<geo>/v2` another geo’s regional APIs (Cloud Gateways paths there: 404); a control plane lives in the geo it was created in (names unique per geo), is a 404 on another geo’s host and in a body naming another geo (KONNECT-API.md: “404 when the owner control plane is not in that geo”); a group’s members come from its geo. test/emulator/geos.test.ts',
  },
  { behaviour: '`list_consumers` on `GET /consumer_groups/{id}`', implemented: 'yes', notes: '' },
  {
    behaviour: '`?skip_hash=true` on basic-auth POST/PUT (not in the spec): the password is stored as sent, not hashed',
    implemented: 'yes',
    notes: "go-kong sends it for decK's `skip_hash_for_basic_auth`, and decK's Konnect sync test asserts the stored password is the given hash; without it the emulator stores Kong's `sha1(password .. consumer id)`",
  },
  { behaviour: '`expand_partials` on plugin reads', implemented: 'no', notes: 'accepted and ignored: linked partials stay references' },
  {
    behaviour: 'Content checks beyond the schema: PEM certificates and keys parse, a key matches its certificate, a JWK is JSON',
    implemented: 'no',
    notes: 'the emulator stores what the schema accepts (the specs’ own examples, e.g. `certificate-content`, pass)',
  },
  { behaviour: '`cert_digest` of CA certificates', implemented: 'partly', notes: 'sha256 of the PEM text; Kong hashes the DER certificate (issue 11 item 8, separate change)' },
];

const CORE = '/control-planes/{controlPlaneId}/core-entities';
const shortPath = (template: string): string => (template.startsWith(CORE) ? `…/core-entities${template.slice(CORE.length)}` : template);
const escape = (text: string): string => text.replace(/\|/g, '\\|');

function queryParameters(spec: SpecOracle, row: OperationRow): string {
  const parameters = Array.isArray(row.operation.parameters) ? row.operation.parameters : [];
  const names = parameters.flatMap((raw) => {
    const parameter = spec.node(row.api, raw);
    return parameter?.in === 'query' ? [String(parameter.style === 'deepObject' ? `${String(parameter.name)}[…]` : parameter.name)] : [];
  });
  return names.map((name) => `\`${name}\``).join(', ');
}

export function emulatorDoc(spec: SpecOracle): string {
  const rows = operationRows(spec);
  const count = (coverage: Coverage): number => rows.filter((row) => row.coverage === coverage).length;
  const lines = [
    '# The Konnect emulator against the official specs',
    '',
    '<!-- GENERATED by test/conformance/fuzz/emulator-doc.ts: regenerate with',
    '     KONSYNC_WRITE_SPEC_DERIVED=1 npx vitest run test/conformance/spec-derived.test.ts -->',
    '',
    'The emulator (`konsync emulator`, `startEmulator()`) answers the operations of the three official Konnect specs',
    '(`cloud-gateways.v2.yaml`, `control-planes.v2.yaml`, `control-planes-config.v2.yaml`) that konsync uses and a few',
    'more. Every exchange any test has with it is validated against those specs (test/setup/conformance.ts), and',
    'test/conformance/fuzz.test.ts sends it requests generated from them (`KONSYNC_FUZZ_RUNS=500` for a longer run).',
    '',
    `Operations: **${rows.length}** in the specs, **${count('served')}** served, **${count('in scope, not served')}** in scope but not served`,
    `(a resource konsync manages), **${count('out of scope')}** out of scope.`,
    '',
    '## Documented behaviours',
    '',
    '| Behaviour | Implemented | Notes |',
    '|---|---|---|',
    ...BEHAVIOURS.map((item) => `| ${escape(item.behaviour)} | ${item.implemented} | ${escape(item.notes)} |`),
    '',
  ];
  for (const api of ['cloud-gateways', 'control-planes', 'control-planes-config'] as const) {
    lines.push(`## ${api}.v2.yaml`, '', '| Method | Path | Emulator | Query parameters |', '|---|---|---|---|');
    for (const row of rows.filter((item) => item.api === api)) {
      lines.push(`| ${row.method} | \`${shortPath(row.template)}\` | ${row.coverage} | ${queryParameters(spec, row)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
