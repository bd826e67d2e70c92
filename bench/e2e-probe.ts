// Preloaded into a CLI process by the e2e bench (`node --import`): records the process's peak RSS and CPU time when
// it exits, and the phases the CLI marked (src/cli/phases.ts: `konsync:<phase>:start|end`, ms since the process
// started), into the file named by KONSYNC_BENCH_PROBE. The CLI itself runs unchanged.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const out = process.env.KONSYNC_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const marks = Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((entry) => entry.name.startsWith('konsync:'))
        .map((entry) => [entry.name.slice('konsync:'.length), entry.startTime]),
    );
    writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, marks }));
  });
}
