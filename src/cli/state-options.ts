import { Option, type Command } from 'commander';
import { GEOS, type Geo } from '../model/state.js';

export const TEXT_JSON = ['text', 'json'] as const;
export const REVIEW_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type OutputFormat = (typeof REVIEW_FORMATS)[number];

/** The options every state command shares, as commander parses them. */
export interface StateOptions {
  state?: string[];
  geo?: Geo;
  selectTag?: string[];
  output: OutputFormat;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds an option unless an earlier helper (the Konnect options) already did: commander rejects duplicates. */
export function addOptionOnce(command: Command, option: Option): void {
  if (command.options.some((existing) => existing.long === option.long)) return;
  command.addOption(option);
}

/** `-s/--state`, `--select-tag` (repeatable), `--geo`. */
export function addStateOptions(command: Command): Command {
  addOptionOnce(command, new Option('-s, --state <path...>', 'state files or directories (.yaml, .yml, .json; directories are read recursively)'));
  addOptionOnce(command, new Option('--select-tag <tag>', 'only entities carrying this tag (repeatable; must agree with _info.select_tags)').argParser(collect));
  addGeoOption(command);
  return command;
}

export function addGeoOption(command: Command): Command {
  addOptionOnce(command, new Option('--geo <geo>', 'control plane geo (default: the files\' _konnect.geo, else us)').choices([...GEOS]));
  return command;
}

/** `--output`: text (default) or json, plus markdown and github for review formats. */
export function addOutputOption(command: Command, formats: readonly OutputFormat[] = TEXT_JSON): Command {
  addOptionOnce(command, new Option('-o, --output <format>', 'output format').choices([...formats]).default('text'));
  return command;
}
