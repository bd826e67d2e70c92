// Preloaded into a CLI process by the e2e bench (`node --import`): records the process's peak RSS and CPU time when
// it exits, into the file named by KONSYNC_BENCH_PROBE. The CLI itself runs unchanged.
import { writeFileSync } from 'node:fs';

const out = process.env.KONSYNC_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
