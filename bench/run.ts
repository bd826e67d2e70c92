// `npm run bench [section...]`: runs benchmark sections and records them in bench/results.json and bench/RESULTS.md.
// Sections not run keep their previous results, so one section can be re-measured alone.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sections } from './sections.js';

export interface BenchSection {
  name: string;
  /** Runs the benchmark; returns JSON results and a Markdown summary. */
  run(): Promise<{ results: unknown; markdown: string }>;
}

interface SectionRecord {
  measuredAt: string;
  node: string;
  results: unknown;
  markdown: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench');
const resultsFile = join(root, 'results.json');
const only = process.argv.slice(2);
const unknown = only.filter((name) => !sections.some((section) => section.name === name));
if (unknown.length > 0) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}`);

const recorded: Record<string, SectionRecord> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { sections?: Record<string, SectionRecord> }).sections ?? {}
  : {};
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}...\n`);
  const { results, markdown } = await section.run();
  recorded[section.name] = { measuredAt: new Date().toISOString(), node: process.version, results, markdown };
}

const md = ['# konsync benchmark results', '', 'Written by `npm run bench`. Machine: 2 cores, 24 GiB (the CI size).', ''];
for (const section of sections) {
  const record = recorded[section.name];
  if (!record) continue;
  md.push(`## ${section.name}`, '', `Measured ${record.measuredAt} on Node ${record.node}.`, '', record.markdown, '');
}
mkdirSync(root, { recursive: true });
writeFileSync(resultsFile, JSON.stringify({ sections: recorded }, null, 2) + '\n');
writeFileSync(join(root, 'RESULTS.md'), md.join('\n'));
process.stderr.write(`bench: wrote ${join(root, 'RESULTS.md')}\n`);
