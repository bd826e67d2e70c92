import type { BenchSection } from './run.js';

export const readBench: BenchSection = {
  name: 'read',
  async run() {
    return { results: { pending: true }, markdown: 'not measured yet' };
  },
};
