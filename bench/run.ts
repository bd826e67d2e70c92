// `npm run bench`: runs every benchmark section and writes bench/results.json and bench/RESULTS.md.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sections } from './sections.js';

export interface BenchSection {
  name: string;
  /** Runs the benchmark; returns JSON results and a Markdown summary. */
  run(): Promise<{ results: unknown; markdown: string }>;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench');
const only = process.argv.slice(2);
const out: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
const md: string[] = ['# konsync benchmark results', '', `Node ${process.version}, ${new Date().toISOString()}`, ''];
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}...\n`);
  const { results, markdown } = await section.run();
  out[section.name] = results;
  md.push(`## ${section.name}`, '', markdown, '');
}
mkdirSync(root, { recursive: true });
writeFileSync(join(root, 'results.json'), JSON.stringify(out, null, 2) + '\n');
writeFileSync(join(root, 'RESULTS.md'), md.join('\n'));
process.stderr.write(`bench: wrote ${join(root, 'RESULTS.md')}\n`);
