import type { BenchSection } from './run.js';
import { diffBench } from './diff-bench.js';
import { readBench } from './read-bench.js';
import { applyBench } from './apply-bench.js';
import { e2eBench } from './e2e-bench.js';

export const sections: BenchSection[] = [diffBench, readBench, applyBench, e2eBench];
