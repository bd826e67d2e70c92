import { Option, type Command } from 'commander';
import { GEOS, type Geo } from '../model/state.js';
import type { KindName } from '../kinds/kind-names.js';

const TEXT_JSON = ['text', 'json'] as const;
export const REVIEW_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type OutputFormat = (typeof REVIEW_FORMATS)[number];

/** The options every state command shares, as commander parses them. */
export interface StateOptions {
  state?: string[];
  geo?: Geo;
  owner?: string;
  selectTag?: string[];
  konnectControlPlaneName?: string;
  output: OutputFormat;
  /** decK's flags of the same names. */
  includePluginDefinitions?: boolean;
  skipHashForBasicAuth?: boolean;
  skipConsumers?: boolean;
  skipCaCertificates?: boolean;
}

/** The kinds decK's `--skip-consumers` / `--skip-ca-certificates` leave alone (with what belongs to them). */
export function skippedKinds(options: { skipConsumers?: boolean; skipCaCertificates?: boolean }): KindName[] {
  return [...(options.skipConsumers ? (['consumer', 'consumer_group'] as const) : []), ...(options.skipCaCertificates ? (['ca_certificate'] as const) : [])];
}

/** `--skip-consumers`, `--skip-ca-certificates`: decK's flags, on every command that reads or writes gateway entities. */
export function addSkipOptions(command: Command): Command {
  addOptionOnce(command, new Option('--skip-consumers', 'leave consumers, consumer groups and what belongs to them (credentials, memberships, their plugins) alone, as decK does'));
  addOptionOnce(command, new Option('--skip-ca-certificates', 'leave CA certificates alone, as decK does'));
  return command;
}

/** For repeatable options: `--x a --x b` → `['a', 'b']`. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds an option unless an earlier helper already did (`--geo`, `--select-tag` are shared): commander rejects duplicates. */
export function addOptionOnce(command: Command, option: Option): void {
  if (command.options.some((existing) => existing.long === option.long)) return;
  command.addOption(option);
}

/** `-s/--state`, `--select-tag` (repeatable), `--geo`, `--konnect-control-plane-name`. */
export function addStateOptions(command: Command): Command {
  addOptionOnce(command, new Option('-s, --state <path...>', 'state files or directories (.yaml, .yml, .json; directories are read recursively, see README)'));
  addSelectTagOption(command, 'only entities carrying this tag, and tag what is created (repeatable; must agree with _info.select_tags)');
  addGeoOption(command);
  addOptionOnce(command, new Option('--owner <name>', 'who this state is: recorded on the control planes it manages (default: the files\' _konnect.owner, else "default")'));
  addOptionOnce(command, new Option('--konnect-control-plane-name <name>', 'control plane of the files whose _konnect names none (decK\'s flag; default: "default")'));
  addOptionOnce(command, new Option('--include-plugin-definitions', 'manage custom_plugins even where _info.include_plugin_definitions is not set (decK\'s flag)'));
  addOptionOnce(command, new Option('--skip-hash-for-basic-auth', 'basic-auth passwords in the files are hashes Konnect stores as sent, as if every file set _info.skip_hash_for_basic_auth (decK\'s flag)'));
  addSkipOptions(command);
  return command;
}

export function addSelectTagOption(command: Command, description: string): Command {
  addOptionOnce(command, new Option('--select-tag <tag>', description).argParser(collect));
  return command;
}

export function addGeoOption(command: Command): Command {
  addOptionOnce(command, new Option('--geo <geo>', 'default geo: of control planes that neither their geo: nor their file\'s _konnect.geo places (default: the one geo the files name, else us)').choices([...GEOS]));
  return command;
}

/** `--output`: text (default) or json, plus markdown and github for review formats. */
export function addOutputOption(command: Command, formats: readonly OutputFormat[] = TEXT_JSON): Command {
  addOptionOnce(command, new Option('-o, --output <format>', 'output format').choices([...formats]).default('text'));
  return command;
}
