import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Command } from 'commander';
import { buildProgram } from '../src/cli/main.js';

const DIR = 'examples';

/** Every string in a parsed YAML document (run: steps, container args...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The shell text of an example: YAML values (comments dropped), or non-comment lines. */
function shellText(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  if (/\.ya?ml$/.test(file)) return strings(parse(text));
  return text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
}

interface Use {
  file: string;
  command: string;
  flags: string[];
}

/** `konsync <command> --flag ...` up to the next shell operator. */
function uses(file: string): Use[] {
  const found: Use[] = [];
  for (const text of shellText(file)) {
    for (const match of text.matchAll(/\bkonsync\s+([a-z][a-z-]*)([^|;&>\n]*)/g)) {
      const flags = (match[2] ?? '').split(/\s+/).filter((token) => token.startsWith('-') && token !== '-').map((token) => token.split('=')[0]!);
      found.push({ file, command: match[1]!, flags });
    }
  }
  return found;
}

const files = readdirSync(DIR).sort();
const all = files.flatMap(uses);

describe('examples/', () => {
  it('holds a pre-merge workflow, a drift CronJob and a crontab line', () => {
    expect(files.some((f) => f.includes('pre-merge'))).toBe(true);
    expect(files.some((f) => f.includes('cronjob'))).toBe(true);
    expect(files).toContain('crontab');
    expect(all.length).toBeGreaterThan(5);
  });

  it('the pre-merge workflow posts `diff --output markdown` as a PR comment', () => {
    const premerge = all.filter((use) => use.file.includes('pre-merge'));
    expect(premerge.some((use) => use.command === 'validate')).toBe(true);
    expect(premerge.some((use) => use.command === 'diff' && use.flags.includes('--output'))).toBe(true);
    expect(readFileSync(join(DIR, files.find((f) => f.includes('pre-merge'))!), 'utf8')).toContain('--output markdown');
  });

  const program = buildProgram();
  it.each(all.map((use) => [use.file, `${use.command} ${use.flags.join(' ')}`.trim(), use] as const))('%s: konsync %s exists', (_file, _shown, use) => {
    const command = program.commands.find((c: Command) => c.name() === use.command);
    expect(command, `no command ${use.command}`).toBeDefined();
    const known = new Set(['--help', '-h', ...command!.options.flatMap((option) => [option.long, option.short].filter((x): x is string => x !== undefined))]);
    for (const flag of use.flags) expect(known.has(flag), `konsync ${use.command} has no ${flag}`).toBe(true);
  });
});
