import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { addKonnectOptions, createClient, type KonnectOptions } from '../konnect-options.js';
import { addOutputOption, addSelectTagOption, addSkipOptions, collect, skippedKinds, type OutputFormat } from '../state-options.js';
import { addDeckFlags } from '../deck-flags.js';
import { skipAll } from '../../state/skip.js';
import { runCommand } from '../run-command.js';
import { readLiveState } from '../../state/read/index.js';
import { markPhase } from '../phases.js';
import { DumpBuilder, dumpState, toYaml, type DumpOptions as DumpStateOptions } from '../../state/dump/index.js';
import { batched, yamlChunks } from '../../state/dump/yaml-writer.js';
import { deckEnv, GEOS, type Geo } from '../../model/state.js';
import { emptyDesiredState } from '../pipeline.js';
import { EXIT_OK } from '../exit-codes.js';
import { ValidationError } from '../../errors.js';
import type { Entity } from '../../model/entity.js';
import { suggestName } from '../../model/suggest.js';
import { CONTROL_PLANE_KIND } from '../../kinds/control-plane-kind.js';
import { StepQueue } from '../../step-queue.js';

const EXAMPLES = `
Examples:
  $ konsync dump --out konnect/                       # platform file + one decK-format file per control plane
  $ konsync dump --control-plane payments --out -     # one control plane's gateway entities, to stdout
  $ konsync dump --select-tag team-a --out team-a/    # entities tagged team-a, tags written as _info.select_tags
  $ konsync dump --out konnect/ --skip-defaults     # leave out what Konnect fills in by itself
  $ konsync dump --out konnect/ && konsync diff -s konnect/   # exit 0: no changes
  $ konsync dump --geo us --geo eu --out konnect/     # control planes of both geos (geo: eu on those in eu)

Values of DECK_ variables set in the environment are written as \${{ env "DECK_..." }}, not in clear.
Konnect-made entities (the konnect-managed-<uuid> partial of a managed cache, custom-domain certificates and SNIs) are left out; ids only with
--with-id. With --control-plane, only those control planes' gateway files are written (no platform file, whose
collections a sync would claim whole).`;

interface DumpOptions extends Omit<KonnectOptions, 'geo'> {
  skipConsumers?: boolean;
  skipCaCertificates?: boolean;
  controlPlane?: string[];
  konnectControlPlaneName?: string;
  selectTag?: string[];
  out: string;
  withId?: boolean;
  skipDefaults?: boolean;
  geo?: Geo[];
  output: OutputFormat;
}

/** `--geo` is repeatable here: a dump may read several geos. */
function collectGeo(value: string, previous: Geo[] | undefined): Geo[] {
  const geo = GEOS.find((one) => one === value);
  if (geo === undefined) throw new InvalidArgumentError(`Allowed choices are ${GEOS.join(', ')}.`);
  return [...(previous ?? []), geo];
}

/** A control plane asked for by name must exist: dumping a typo would write an empty file naming it. */
function assertControlPlanesExist(names: readonly string[], entities: readonly Entity[]): void {
  const known = entities.filter((entity) => entity.kind === CONTROL_PLANE_KIND).map((entity) => entity.key);
  const missing = names.filter((name) => !known.includes(name));
  if (missing.length === 0) return;
  throw new ValidationError(
    missing.map((name) => {
      const suggestion = suggestName(name, known);
      return { message: `no control plane named "${name}" in Konnect`, ...(suggestion !== undefined ? { hint: `did you mean "${suggestion}"?` } : {}) };
    }),
  );
}

/** `konsync dump`: live state → state files. */
export function register(program: Command): void {
  const command = program.command('dump').description('write live Konnect state as konsync state files');
  addKonnectOptions(command);
  command.addOption(new Option('--geo <geo>', `geo to read, repeatable for several (${GEOS.join(' ')}); the first is the files' default (default: us)`).argParser(collectGeo));
  addOutputOption(command);
  addSelectTagOption(command, 'only gateway entities carrying this tag, written as _info.select_tags (repeatable)');
  addSkipOptions(command);
  addDeckFlags(command);
  command.addOption(new Option('--include-plugin-definitions', 'decK\'s flag: accepted, custom_plugins are always dumped (with _info.include_plugin_definitions: true)'));
  command
    .addOption(new Option('--control-plane <name>', 'only this control plane\'s gateway entities (repeatable)').argParser(collect))
    .addOption(new Option('--konnect-control-plane-name <name>', 'decK\'s name for --control-plane: only this control plane\'s gateway entities'))
    .option('--out <dir|->', 'directory to write the files to, or - for stdout', '-')
    .option('--with-id', 'write each gateway entity\'s Konnect id')
    .option('--skip-defaults', 'leave out values equal to what Konnect fills in by itself')
    .addHelpText('after', EXAMPLES)
    .action(async (parsed: DumpOptions) => {
      const named = parsed.konnectControlPlaneName;
      const options: DumpOptions = named === undefined ? parsed : { ...parsed, controlPlane: [...(parsed.controlPlane ?? []), named] };
      await runCommand(options.output, async (session) => {
        const geos = [...new Set(options.geo ?? [GEOS[0]])];
        const geo = geos[0]!;
        const api = createClient({ ...options, geo }, session.io.env);
        const dumpOptions: DumpStateOptions = {
          withId: options.withId === true,
          skipDefaults: options.skipDefaults === true,
          env: deckEnv(session.io.env),
          selectTags: options.selectTag ?? [],
          ...(options.controlPlane ? { controlPlanes: options.controlPlane } : {}),
          ...(options.geo ? { geo } : {}),
        };
        const skipped = skippedKinds(options);
        // The files are built as each kind is decoded, while the rest waits on the rate limit. Skipping defaults needs
        // Konnect's schemas, learned once a control plane is listed whole: that dump is built after the read.
        const builder = options.skipDefaults === true ? undefined : new DumpBuilder(dumpOptions);
        const feeding = new StepQueue();
        markPhase('read', 'start');
        const live = await readLiveState(api, { ...emptyDesiredState(geo), ...(geos.length > 1 ? { geos } : {}) }, {
          everything: true,
          schemaDefaults: options.skipDefaults === true,
          ...(options.controlPlane ? { controlPlanes: options.controlPlane } : {}),
          ...(builder
            ? {
                onKindDecoded: (kind, entities, controlPlane) => feeding.push(builder.addInSteps(kind, skipAll(entities, skipped), controlPlane)),
                // Each entity's item is made and rendered as its page is decoded: the kinds listed last are not all left for the end.
                onEntityDecoded: (entity) => {
                  if (skipped.length === 0 || skipAll([entity], skipped).length > 0) builder.prepare(entity);
                },
              }
            : {}),
        });
        markPhase('read', 'end');
        markPhase('write', 'start');
        await feeding.drained();
        assertControlPlanesExist(options.controlPlane ?? [], live.entities);
        const { documents, warnings } = builder ? builder.finish() : dumpState({ ...live, entities: skipAll(live.entities, skipped) }, dumpOptions);
        for (const warning of warnings) session.err(`warning: ${warning}`);
        const toStdout = options.out === '-';
        if (!toStdout) {
          await mkdir(options.out, { recursive: true });
          // Streamed in pieces of about 64 KB: a dump of 100k entities never exists as one string.
          for (const document of documents) await pipeline(Readable.from(batched(yamlChunks(document.content, builder?.rendered))), createWriteStream(join(options.out, document.file)));
        }
        if (session.format === 'json') {
          session.out(JSON.stringify(toStdout ? { documents, warnings } : { files: documents.map((d) => join(options.out, d.file)), warnings }, null, 2));
        } else if (toStdout) {
          session.out(documents.map((document) => `# ${document.file}\n${toYaml(document, builder?.rendered)}`).join('---\n'));
        } else {
          session.out(documents.map((document) => `wrote ${join(options.out, document.file)}`).join('\n') || 'nothing to dump');
        }
        markPhase('write', 'end');
        return EXIT_OK;
      });
    });
}
