/**
 * decK conformance: every file of ../shared/deck-corpus/MANIFEST.md loads (or fails) as the upstream test expects.
 * Rows whose outcome is plain ACCEPT / REJECT are read from the manifest; every other row is classified below, and a
 * row nobody classified fails the test. Where konsync deliberately differs from decK, DEVIATIONS says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors.js';
import { loadState, type LoadOptions } from '../src/state/load/index.js';
import { readStateFiles } from '../src/state/load/read-files.js';
import type { DesiredState } from '../src/model/state.js';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/deck-corpus');
const G = 'go-database-reconciler/pkg/file/testdata';
const GI = 'go-database-reconciler/tests/integration/testdata';
const D = 'deck/tests/integration/testdata';

type Expectation =
  | { outcome: 'accept'; env?: Record<string, string>; options?: Partial<LoadOptions>; check?: (state: DesiredState) => void }
  | { outcome: 'reject'; env?: Record<string, string>; contains?: string }
  /**
   * Multi-step ("ACCEPT after X"), or needing entities an earlier sync put in Konnect through default_lookup_tags:
   * the file itself must load offline, its lookups deferred to the planner.
   */
  | { outcome: 'multi-step' }
  /** Checked as part of a directory case. */
  | { outcome: 'directory'; dir: string }
  /** Not a state file: a golden value checked by the named case. */
  | { outcome: 'golden'; checkedBy: string };

interface Deviation {
  konsync: 'accept' | 'reject';
  why: string;
  contains?: string;
}

/** Where konsync's outcome differs from decK's, on purpose. */
const DEVIATIONS: Record<string, Deviation> = {
  [`${GI}/sync/038-partials/kong-partials-no-name.yaml`]: {
    konsync: 'reject',
    why: 'konsync matches desired and live entities by natural key; a partial with neither name nor id has none',
    contains: 'cannot be identified',
  },
  [`${D}/sync/039-partials/kong-partials-no-name.yaml`]: {
    konsync: 'reject',
    why: 'same file as GDR 038: a partial needs a name (or a pinned id) to be matched',
    contains: 'cannot be identified',
  },
  [`${D}/validate/konnect_1_1.yaml`]: {
    konsync: 'accept',
    why: 'decK rejects format 1.1 only in online Konnect validation; konsync accepts "1.1" files offline as decK\'s loader does',
  },
  [`${D}/validate/konnect_no_version.yaml`]: {
    konsync: 'accept',
    why: 'decK rejects a missing _format_version only in online Konnect validation; decK\'s loader defaults it, and so does konsync',
  },
  [`${D}/validate/001-partials/partial-lookup-tags.yaml`]: {
    konsync: 'accept',
    why: '`deck file validate` refuses default_lookup_tags offline; konsync validates offline and leaves lookups to the planner (DESIGN.md)',
  },
};

/** Directory cases, loaded as directories like the upstream tests. */
const DIRECTORIES: Record<string, { outcome: 'accept' | 'reject'; contains?: string; deviation?: string; check?: (state: DesiredState) => void }> = {
  [`${G}/badjson`]: { outcome: 'reject', contains: 'services: must be of type array' },
  [`${G}/badyaml`]: { outcome: 'reject', contains: 'invalid YAML' },
  [`${G}/badyamlwithspace`]: { outcome: 'reject', contains: 'file must not begin with a whitespace' },
  [`${G}/differentruntimegroup`]: {
    outcome: 'accept',
    deviation: 'konsync syncs several control planes in one run: each file\'s entities go to the control plane its _konnect names',
    check: (state) => expect(state.entities.map((e) => e.key).sort()).toEqual(['bar/svc2', 'foo/svc1']),
  },
  [`${G}/differentworkspace`]: { outcome: 'reject', contains: 'different workspaces' },
  [`${G}/emptydir`]: { outcome: 'reject', contains: 'nothing to load' },
  [`${G}/emptyfiles`]: { outcome: 'reject', contains: 'nothing to load' },
  [`${G}/sameworkspace`]: {
    outcome: 'accept',
    check: (state) => expect(state.entities.map((e) => `${e.kind}:${e.key}`).sort()).toEqual(['route:default/r1', 'route:default/r2', 'service:default/svc1', 'service:default/svc2']),
  },
  [`${G}/sharedworkspace`]: { outcome: 'accept', check: (state) => expect(state.entities.map((e) => e.key)).toEqual(['default/svc1', 'default/r1']) },
  [`${G}/valid`]: {
    outcome: 'reject',
    contains: 'Konnect does not support filter chains',
    deviation: 'Konnect has no filter chains (WebAssembly filters): konsync refuses them rather than silently not syncing them',
  },
};

const DIFF_ENV = { DECK_SVC1_HOSTNAME: 'mockbin.org', DECK_BARR: 'barbar', DECK_BAZZ: 'bazbaz', DECK_FUB: 'fubfub', DECK_FOO: 'foo_test' };
const PLUGIN_DEFINITIONS = { includePluginDefinitions: true };

/** Rows the manifest does not state as plain ACCEPT/REJECT, or that need an env or option. */
const EXPLICIT: Record<string, Expectation> = {
  [`${G}/bad-env-var/file.yaml`]: { outcome: 'reject', contains: "must be prefixed with 'DECK_', found: 'SVC2_HOST'" },
  [`${G}/file.yaml`]: {
    outcome: 'accept',
    env: { DECK_SVC2_HOST: '2.example.com', DECK_FILE_LOG_FUNCTION: "kong.log.set_serialize_value('trace_id', 1))" },
    check: (state) => {
      const svc2 = state.entities.find((e) => e.key === 'default/svc2')!;
      expect(svc2.fields).toMatchObject({ host: '2.example.com', tags: ['<'] });
      const preFunction = state.entities.find((e) => e.key === 'default/pre-function')!;
      expect(preFunction.fields.config).toEqual({ log: "kong.log.set_serialize_value('trace_id', 1))\n" });
    },
  },
  [`${G}/parsebool/file.yaml`]: { outcome: 'accept', env: { DECK_MOCKBIN_ENABLED: 'true' }, check: (s) => expect(s.entities[0]!.fields.enabled).toBe(true) },
  // `foofloat` is no bundled plugin: as diff and sync do, the name is left to live state (a custom plugin in Konnect).
  [`${G}/parsefloat/file.yaml`]: { outcome: 'accept', env: { DECK_FOO_FLOAT: '1337' }, options: { liveChecks: 'defer' }, check: (s) => expect(s.entities.find((e) => e.kind === 'plugin')!.fields.config).toEqual({ foo: 1337 }) },
  [`${G}/parseint/file.yaml`]: { outcome: 'accept', env: { DECK_WRITE_TIMEOUT: '1337' }, check: (s) => expect(s.entities[0]!.fields.write_timeout).toBe(1337) },
  [`${G}/defaults/bar.yaml`]: { outcome: 'accept', check: (s) => expect(s.entities.find((e) => e.kind === 'target')!.fields.weight).toBe(0) },
  // The decK tests pass --include-plugin-definitions to every custom-plugin sync.
  [`${D}/sync/055-custom-plugin-definitions/kong.yaml`]: {
    outcome: 'accept',
    options: PLUGIN_DEFINITIONS,
    check: (state) => {
      const golden = (name: string) => readFileSync(join(CORPUS, D, 'custom-plugin-definitions', name), 'utf8');
      const definition = (name: string) => state.entities.find((e) => e.kind === 'custom_plugin' && e.fields.name === name)!.fields;
      expect(definition('set-header')).toMatchObject({ handler: golden('set-header.handler.lua'), schema: golden('set-header.schema.lua') });
      expect(definition('col-dbless')).toMatchObject({ handler: golden('col-dbless.handler.lua'), schema: golden('col-dbless.schema.lua') });
    },
  },
  [`${D}/apply/014-custom-plugin-definitions/initial-cpd-only.yaml`]: { outcome: 'accept', options: PLUGIN_DEFINITIONS },
  [`${D}/custom-plugin-definitions/col-dbless.handler.lua`]: { outcome: 'golden', checkedBy: '055-custom-plugin-definitions/kong.yaml' },
  [`${D}/custom-plugin-definitions/col-dbless.schema.lua`]: { outcome: 'golden', checkedBy: '055-custom-plugin-definitions/kong.yaml' },
  [`${D}/custom-plugin-definitions/set-header.handler.lua`]: { outcome: 'golden', checkedBy: '055-custom-plugin-definitions/kong.yaml' },
  [`${D}/custom-plugin-definitions/set-header.schema.lua`]: { outcome: 'golden', checkedBy: '055-custom-plugin-definitions/kong.yaml' },
  // Dump goldens: as state files they link a partial no file declares, without lookup tags.
  [`${GI}/dump/006-plugin-partials/select-tagged-dump-global.yaml`]: { outcome: 'reject', contains: 'references partial "my-redis-config", which no file declares' },
  [`${GI}/dump/006-plugin-partials/select-tagged-dump-nested.yaml`]: { outcome: 'reject', contains: 'which no file declares' },
  // Diff inputs: the file itself must load (the diff outcome belongs to the planner's tests).
  [`${D}/diff/002-mask/initial.yaml`]: { outcome: 'accept', env: DIFF_ENV },
  [`${D}/diff/002-mask/initial3x.yaml`]: { outcome: 'accept', env: DIFF_ENV },
  [`${D}/diff/002-mask/kong.yaml`]: {
    outcome: 'accept',
    env: DIFF_ENV,
    check: (s) => expect(s.env.map((u) => u.name)).toEqual(['DECK_SVC1_HOSTNAME', 'DECK_SVC1_HOSTNAME', 'DECK_BAZZ', 'DECK_BARR'].filter((n, i, a) => a.indexOf(n) === i)),
  },
  [`${D}/diff/002-mask/kong3x.yaml`]: { outcome: 'accept', env: DIFF_ENV },
  [`${D}/diff/003-unmask/kong.yaml`]: { outcome: 'accept', env: DIFF_ENV },
  [`${D}/diff/003-unmask/kong3x.yaml`]: { outcome: 'accept', env: DIFF_ENV },
  [`${D}/diff/004-no-diff-plugin/initial-ip-restriction.yaml`]: { outcome: 'accept' },
  [`${D}/diff/004-no-diff-plugin/kong.yaml`]: { outcome: 'accept' },
  [`${D}/diff/004-no-diff-plugin/protocol-reordered-plugins.yaml`]: { outcome: 'accept' },
  [`${D}/diff/006-plugin-update/final-jwt-reorder-set.yaml`]: { outcome: 'accept' },
  [`${D}/diff/006-plugin-update/final-request-transformer-reorder-array.yaml`]: { outcome: 'accept' },
  // decK applies --include-plugin-definitions only where asked; the set-header plugin itself needs no definition.
  [`${D}/sync/025-consumer-groups-scoped-plugins/kong3x.yaml`]: {
    outcome: 'accept',
    check: (s) => {
      expect(s.warnings ?? []).toEqual([]);
      const credentials = s.entities.filter((e) => e.kind === 'key_auth').map((e) => [e.fields.consumer, e.fields.key]);
      expect(credentials).toEqual([['foo', 'i-am-special'], ['bar', 'i-am-not-so-special'], ['baz', 'i-am-just-average']]);
    },
  },
  // REJECTs that come from a lookup against remote state: offline, lookup tags defer the check to the planner.
  [`${GI}/sync/042-partials-tagging/partial-lookup-tags-wrong-ids.yaml`]: { outcome: 'multi-step' },
  [`${GI}/sync/042-partials-tagging/partial-lookup-tags-wrong-names.yaml`]: { outcome: 'multi-step' },
  [`${GI}/sync/042-partials-tagging/partial-lookup-tags-wrong.yaml`]: { outcome: 'multi-step' },
  [`${D}/sync/044-partials-tagging/partial-lookup-tags-wrong-ids.yaml`]: { outcome: 'multi-step' },
  [`${D}/sync/044-partials-tagging/partial-lookup-tags-wrong-names.yaml`]: { outcome: 'multi-step' },
  [`${D}/sync/044-partials-tagging/partial-lookup-tags-wrong.yaml`]: { outcome: 'multi-step' },
  [`${D}/sync/051-consumer-group-not-found/kong.yaml`]: { outcome: 'reject', contains: 'consumer group "non-existent-group"' },
  [`${GI}/sync/036-scoped-plugins-validation/3x/service-plugins.yaml`]: {
    outcome: 'reject',
    contains: 'nesting service (example-service) under service-scoped plugin (request-transformer) is not allowed',
  },
};

interface Row {
  path: string;
  expected: string;
}

function manifestRows(): Row[] {
  const text = readFileSync(join(CORPUS, 'MANIFEST.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(/(?<!\\)\|/).map((cell) => cell.trim());
      return { path: cells[1]!.replace(/`/g, ''), expected: cells[4]! };
    });
}

/** The message a REJECT row quotes, when it names the missing reference (checked loosely: our wording differs). */
function quotedTarget(expected: string): string | undefined {
  const match = /"(?:building state: )?(?:partial|service|route|consumer|consumer-group) ([^ "]+) for plugin/.exec(expected);
  return match ? match[1] : undefined;
}

function classify(row: Row): Expectation | undefined {
  const explicit = EXPLICIT[row.path];
  if (explicit) return explicit;
  const directory = Object.keys(DIRECTORIES).find((dir) => row.path.startsWith(`${dir}/`));
  if (directory) return { outcome: 'directory', dir: directory };
  // Multi-step rows ("ACCEPT after X"): the file itself must load offline; lookup-dependent ones defer their check.
  if (/^ACCEPT after|^After /.test(row.expected)) return { outcome: 'multi-step' };
  if (/^ACCEPT/.test(row.expected)) return { outcome: 'accept' };
  if (/^REJECT/.test(row.expected)) {
    const target = quotedTarget(row.expected);
    return target ? { outcome: 'reject', contains: `"${target}"` } : { outcome: 'reject' };
  }
  return undefined;
}

async function attempt(paths: string[], env: Record<string, string> = {}, options: Partial<LoadOptions> = {}) {
  try {
    return { state: await loadState(paths, { env, ...options }) };
  } catch (error) {
    if (error instanceof ValidationError) return { error };
    throw error;
  }
}

const present = existsSync(join(CORPUS, 'MANIFEST.md'));

describe.skipIf(!present)('decK conformance corpus (../shared/deck-corpus)', () => {
  const rows = present ? manifestRows() : [];

  it('classifies every manifest row (nothing is skipped silently)', () => {
    expect(rows.length).toBe(127);
    expect(rows.filter((row) => !DEVIATIONS[row.path] && classify(row) === undefined).map((row) => row.path)).toEqual([]);
    const known = new Set(rows.map((row) => row.path));
    expect([...Object.keys(EXPLICIT), ...Object.keys(DEVIATIONS)].filter((path) => !known.has(path))).toEqual([]);
  });

  for (const row of rows) {
    const deviation = DEVIATIONS[row.path];
    const expectation = deviation ? undefined : classify(row);
    if (deviation) {
      it(`${row.path}: konsync ${deviation.konsync.toUpperCase()}S (deviation: ${deviation.why})`, async () => {
        const result = await attempt([join(CORPUS, row.path)]);
        if (deviation.konsync === 'accept') expect(result.error?.message).toBeUndefined();
        else expect(result.error?.message ?? 'loaded').toContain(deviation.contains ?? '');
      });
      continue;
    }
    if (!expectation || expectation.outcome === 'directory' || expectation.outcome === 'golden') continue;
    const title = expectation.outcome === 'multi-step' ? 'multi-step: loads offline, lookups deferred' : expectation.outcome;
    it(`${row.path}: ${title}`, async () => {
      if (expectation.outcome === 'multi-step') {
        const result = await attempt([join(CORPUS, row.path)]);
        expect(result.error?.message).toBeUndefined();
        return;
      }
      const result = await attempt([join(CORPUS, row.path)], expectation.env, 'options' in expectation ? expectation.options : {});
      if (expectation.outcome === 'accept') {
        expect(result.error?.message).toBeUndefined();
        expectation.check?.(result.state!);
      } else {
        expect(result.state, 'expected a rejection').toBeUndefined();
        if (expectation.contains) expect(result.error!.message).toContain(expectation.contains);
      }
    });
  }

  for (const [dir, expected] of Object.entries(DIRECTORIES)) {
    const title = expected.deviation ? `konsync ${expected.outcome.toUpperCase()}S (deviation: ${expected.deviation})` : expected.outcome;
    it(`directory ${dir}: ${title}`, async () => {
      const result = await attempt([join(CORPUS, dir)]);
      if (expected.outcome === 'accept') {
        expect(result.error?.message).toBeUndefined();
        expected.check?.(result.state!);
      } else {
        expect(result.error?.message ?? 'loaded').toContain(expected.contains ?? '');
      }
    });
  }

  it('the directory scan picks .yaml/.yml/.json in any case, lexically, and skips directories named like files', async () => {
    const { inputs: files } = await readStateFiles([join(CORPUS, G, 'emptyfiles')]);
    expect(files.map((file) => file.path.slice(join(CORPUS, G, 'emptyfiles').length + 1))).toEqual(['Baz.YamL', 'bar.yaml', 'foo.yml', 'foobar.json']);
  });

  it.each([
    ['parsebool', 'DECK_MOCKBIN_ENABLED'],
    ['parsefloat', 'DECK_FOO_FLOAT'],
    ['parseint', 'DECK_WRITE_TIMEOUT'],
  ])('%s rejects a value its converter cannot parse ("RIP")', async (dir, name) => {
    const result = await attempt([join(CORPUS, G, dir, 'file.yaml')], { [name]: 'RIP' });
    expect(result.error?.message).toContain('cannot parse "RIP"');
  });

  it('file.yaml: unset variable is rejected; mock mode substitutes the name', async () => {
    expect((await attempt([join(CORPUS, G, 'file.yaml')])).error?.message).toContain("environment variable 'DECK_SVC2_HOST' present in state file but not set");
    const mocked = await attempt([join(CORPUS, G, 'file.yaml')], {}, { envMode: 'mock' });
    expect(mocked.state!.entities.find((e) => e.key === 'default/svc2')!.fields.host).toBe('DECK_SVC2_HOST');
  });

  it('file.json and file.yaml merge: consumers are appended', async () => {
    const result = await attempt([join(CORPUS, G, 'file.yaml'), join(CORPUS, G, 'file.json')], { DECK_SVC2_HOST: 'h', DECK_FILE_LOG_FUNCTION: 'x' });
    expect(result.state!.entities.filter((e) => e.kind === 'consumer').map((e) => e.key)).toEqual(['default/foo', 'default/bar']);
  });

  // Deviation in meaning, not outcome: decK merges every file's _info and _konnect into one header; konsync keeps
  // them per file, so several teams' files (and several control planes) can be loaded together.
  it('select_tags apply to the file that sets them only (decK: merged _info applies to all files)', async () => {
    const dir = join(CORPUS, G, 'valid');
    const result = await attempt([join(dir, 'bar.yml'), join(dir, 'consumers.json'), join(dir, 'foo.yaml')]);
    const tagsOf = (key: string) => result.state!.entities.find((e) => e.key === key)!.fields.tags;
    expect(tagsOf('default/svc1')).toEqual(['team-svc1', 'tag1']);
    expect(tagsOf('default/svc2')).toBeUndefined();
  });

  it('a header-only file does not give its _workspace/_konnect to the other files (sharedworkspace)', async () => {
    const result = await attempt([join(CORPUS, G, 'sharedworkspace')]);
    expect(result.state!.entities.every((e) => e.controlPlane === 'default')).toBe(true);
    expect(result.state!.warnings).toEqual([expect.stringContaining('_workspace: ignored: Konnect control planes have no workspaces')]);
  });

  it('custom plugins without --include-plugin-definitions are refused, as decK does', async () => {
    expect((await attempt([join(CORPUS, D, 'sync/055-custom-plugin-definitions/kong.yaml')])).error?.message).toContain('include_plugin_definitions');
  });

  it('lookup-dependent files reject offline once their lookup tags are removed (the no_lookup variants)', async () => {
    const result = await attempt([join(CORPUS, D, 'sync/035-lookup-tags-services/plugins_no_lookup.yaml')]);
    expect(result.error?.message).toContain('references service "foo", which no file declares');
  });
});

describe.skipIf(present)('decK conformance corpus', () => {
  it.skip('../shared/deck-corpus is absent: the conformance corpus was not checked', () => {});
});
