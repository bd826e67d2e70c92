import { it } from 'vitest';
import { applyBench } from '../../bench/apply-bench.js';
it('bench', async () => {
  const t = Date.now();
  const { results, markdown } = await applyBench.run();
  console.log(JSON.stringify(results, null, 1));
  console.log(markdown);
  console.log('total s', (Date.now() - t) / 1000);
}, 600_000);
