import { ValidationError, type Problem } from '../../errors.js';
import { isJsonObject, type JsonObject } from '../../model/json.js';
import { deckEnv, type DesiredState, type EnvUse, type Geo, type LiveCheck } from '../../model/state.js';
import type { Entity } from '../../model/entity.js';
import type { DraftEntity, LoadedFile } from './draft.js';
import { readFileHeader } from './file-header.js';
import { flattenFile } from './flatten.js';
import { loadCodeFields, type SideFileContent } from './code-fields.js';
import { deriveDrafts, derivedClaims, entityWarnings } from './derive.js';
import { dedupeClaims, fileClaims, gatewayScopes, NEEDS_PLUGIN_DEFINITIONS } from './ownership.js';
import { parseSource, problemAt } from './parse-source.js';
import { checkPlatformRules } from './platform-rules.js';
import { entityFinder } from './entity-finder.js';
import { resolveReferences } from './resolve-references.js';
import { settleInPassing } from './in-passing.js';
import { checkSchema } from './schema-check.js';
import { renderTemplate } from './template.js';
import { dropUnsupportedKeys } from './unsupported-keys.js';
import { decideOwner, stampOwnership, takeAbsent } from './owner.js';
import { KINDS } from '../../kinds/registry.js';
import { sourceLocator } from './source-locator.js';
import { checkGeoReferences, decideGeos } from './control-plane-geos.js';
import { entityGeo } from '../../kinds/entity-geo.js';

/** One state file's text, as read by the I/O edge. */
export interface SourceText {
  path: string;
  text: string;
}

export interface CoreOptions {
  /** The geo of control planes no file places (`--geo`); default: the one geo the files name, else `us`. */
  geo?: Geo;
  /** This state's owner (`--owner`); a `_konnect.owner` in files may not contradict it. Default `default`. */
  owner?: string;
  /** Environment for `${{ env "DECK_X" }}`; only DECK_ names are read, and all of them are recorded (`secrets`). */
  env: Record<string, string | undefined>;
  /**
   * `render` (default): substitute values. `mock`: substitute the variable's name, as decK's offline mode does
   * (validate without secrets).
   */
  envMode?: 'render' | 'mock';
  /** decK's `--include-plugin-definitions`: as if every file set `_info.include_plugin_definitions: true`. */
  includePluginDefinitions?: boolean;
  /** decK's `--skip-hash-for-basic-auth`: as if every file set `_info.skip_hash_for_basic_auth: true`. */
  storeAsSent?: boolean;
  /**
   * decK's `--select-tag`: files without `_info.select_tags` act as if they set these (their entities get the tags,
   * their claims only cover live entities carrying them); a file that sets different ones is a ValidationError.
   */
  selectTags?: readonly string[];
  /** decK's `--konnect-control-plane-name`: the control plane of files whose `_konnect` names none. */
  controlPlaneName?: string;
  /** Contents of the `handler_file`/`schema_file` paths the files ask for (see `sideFileRequests`). */
  sideFiles?: ReadonlyMap<string, SideFileContent>;
  /**
   * `report` (default, `validate`): problems live state might clear are problems. `defer`: they go to
   * `DesiredState.liveChecks` for the planner, which reads live state.
   */
  liveChecks?: 'report' | 'defer';
}

/** `to.push(...items)` without its limit: spreading a huge list overflows the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

interface FileResult {
  file: LoadedFile;
  root: JsonObject;
  drafts: DraftEntity[];
}

function loadOneFile(input: SourceText, options: CoreOptions, problems: Problem[], env: EnvUse[], warnings: string[]): FileResult | undefined {
  const rendered = renderTemplate(input.path, input.text, { env: options.env, envMode: options.envMode ?? 'render' });
  append(env, rendered.env);
  if (rendered.problems.length > 0) {
    append(problems, rendered.problems);
    return undefined;
  }
  if (/^\s/.test(rendered.text)) {
    problems.push({ file: input.path, line: 1, column: 1, message: 'file must not begin with a whitespace' });
    return undefined;
  }
  const parsed = parseSource(input.path, rendered.text, rendered.originalLines);
  if (!parsed.source) {
    append(problems, parsed.problems);
    return undefined;
  }
  const source = parsed.source;
  const schemaProblems = checkSchema(source);
  if (schemaProblems.length > 0) {
    append(problems, schemaProblems);
    return undefined;
  }
  // The parsed data is the loader's to change (positions do not depend on it): no copy of a possibly huge file.
  const root: JsonObject = isJsonObject(source.value) ? source.value : {};
  const { header, problems: headerProblems } = readFileHeader(source, {
    includePluginDefinitions: options.includePluginDefinitions === true,
    storeAsSent: options.storeAsSent === true,
    selectTags: options.selectTags ?? [],
    ...(options.controlPlaneName !== undefined ? { controlPlaneName: options.controlPlaneName } : {}),
  });
  append(problems, headerProblems);
  const file: LoadedFile = { source, header };
  const unsupported = dropUnsupportedKeys(source, root);
  append(problems, unsupported.problems);
  append(warnings, unsupported.warnings);
  const flat = flattenFile(file, root);
  append(problems, flat.problems);
  const needsDefinitions = flat.drafts.find((draft) => NEEDS_PLUGIN_DEFINITIONS.includes(draft.kind));
  if (needsDefinitions && !header.includePluginDefinitions) {
    const message = `${input.path} contains plugin definitions (${KINDS[needsDefinitions.kind].file.key}); set _info.include_plugin_definitions: true to manage them`;
    problems.push(problemAt(source, needsDefinitions.path, message));
  }
  return { file, root, drafts: flat.drafts };
}

/** decK refuses files for different workspaces in one run; konsync keeps that rule although it ignores workspaces. */
function checkWorkspaces(results: FileResult[], problems: Problem[]): void {
  const named = results.filter((r) => r.file.header.workspace !== undefined);
  const workspaces = [...new Set(named.map((r) => r.file.header.workspace))];
  if (workspaces.length < 2) return;
  // At the first file whose workspace differs from the first one named.
  const other = named.find((r) => r.file.header.workspace !== workspaces[0])!;
  const message = `files name different workspaces (${workspaces.join(', ')}); decK syncs one workspace at a time`;
  problems.push(problemAt(other.file.source, ['_workspace'], message));
}

const byPosition = (a: Problem, b: Problem) =>
  (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Pure core of the loader: file texts in, one desired state out, or a ValidationError listing every problem. */
export function loadDocuments(inputs: readonly SourceText[], options: CoreOptions): DesiredState {
  const problems: Problem[] = [];
  const env: EnvUse[] = [];
  const warnings: string[] = [];
  const results = inputs.map((input) => loadOneFile(input, options, problems, env, warnings)).filter((r): r is FileResult => r !== undefined);
  const geo = decideGeos(results, options.geo, problems);
  const owner = decideOwner(results.map((result) => result.file), options.owner, problems);
  checkWorkspaces(results, problems);

  const declared = settleInPassing(results.flatMap((result) => result.drafts));
  const { drafts, claims: retired } = takeAbsent([...declared, ...deriveDrafts(declared)], problems);
  const sideFiles = options.sideFiles ?? new Map<string, SideFileContent>();
  for (const draft of drafts) append(problems, loadCodeFields(draft, sideFiles));
  const resolved = resolveReferences(drafts);
  append(problems, resolved.problems);
  const geoOf = (controlPlane: string) => geo.byControlPlane.get(controlPlane) ?? geo.defaultGeo;
  for (const entity of resolved.entities) {
    const placed = entityGeo(entity, geoOf);
    if (placed !== undefined && placed !== geo.defaultGeo) entity.geo = placed;
  }
  const liveChecks: LiveCheck[] = [];
  const at = (entity: Entity, sub: ReadonlyArray<string | number>, message: string) => {
    const draft = resolved.draftOf(entity)!;
    return problemAt(draft.file.source, [...draft.path, ...sub], message);
  };
  checkPlatformRules(resolved.entities, {
    all: resolved.entities,
    find: entityFinder(resolved.entities),
    report: (entity, sub, message) => problems.push(at(entity, sub, message)),
    reportUnlessLive: (entity, sub, message, need) => {
      if (options.liveChecks !== 'defer') problems.push(at(entity, sub, message));
      else liveChecks.push({ ...(entity.controlPlane !== undefined ? { controlPlane: entity.controlPlane } : {}), need, problem: at(entity, sub, message) });
    },
  });
  stampOwnership(resolved.entities, owner, (entity, sub, message) => problems.push(at(entity, sub, message)));
  checkGeoReferences(resolved.entities, geoOf, (entity, sub, message) => problems.push(at(entity, sub, message)));

  warnings.push(...entityWarnings(resolved.entities, resolved.draftOf));
  const declaredClaims = results.flatMap(({ file, root }) => fileClaims(file, root));
  const claims = dedupeClaims([...declaredClaims, ...derivedClaims(declaredClaims), ...retired]);
  const anyContent = results.some(({ root }) => Object.keys(root).length > 0);
  if (inputs.length === 0 || (problems.length === 0 && !anyContent)) {
    problems.push({ message: 'nothing to load: the files and directories given hold no configuration' });
  }
  if (problems.length > 0) throw new ValidationError(problems.sort(byPosition));

  const unnamed = results.filter((r) => !r.file.header.namedControlPlane && r.drafts.some((draft) => draft.controlPlane !== undefined));
  const uniqueEnv = [...new Map(env.map((use) => [`${use.name}\u0000${use.value}`, use])).values()];
  const state: DesiredState = {
    geo: geo.defaultGeo,
    ...(geo.geos.length > 1 ? { geos: geo.geos } : {}),
    owner,
    entities: resolved.entities,
    claims,
    scopes: gatewayScopes(results),
    env: uniqueEnv,
    files: inputs.map((input) => input.path),
  };
  const secrets = deckEnv(options.env);
  if (secrets.length > 0) state.secrets = secrets;
  if (warnings.length > 0) state.warnings = warnings;
  if (resolved.deferred.length > 0) state.deferredReferences = resolved.deferred;
  if (unnamed.length > 0) state.unnamedControlPlane = unnamed.map((r) => r.file.source.file);
  state.locator = sourceLocator(results.map((result) => result.file.source));
  if (liveChecks.length > 0) state.liveChecks = liveChecks;
  return state;
}
