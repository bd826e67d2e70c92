/**
 * Runs tasks as a dependency graph: a task starts as soon as every task it depends on is done, never at a per-kind
 * barrier. Event-driven: every completion releases its dependents; nothing polls.
 *
 * Outcomes propagate: the dependents (transitively) of a failed task are skipped ("blocked by failed <id>", naming
 * the task that failed); dependents of a pending task (a wait not waited for) are pending too; after an abort,
 * nothing new starts and the rest is skipped.
 */

export type Finished =
  | { outcome: 'applied'; detail?: string; note?: string }
  | { outcome: 'failed'; message: string }
  | { outcome: 'skipped'; message: string }
  | { outcome: 'pending'; message: string };

export interface GraphTask {
  id: string;
  dependsOn: readonly string[];
  /** Waits (readiness polls) are cheap timers: they have their own, larger, in-flight bound. */
  lane: 'write' | 'wait';
}

export interface GraphOptions<T extends GraphTask> {
  /** Runs a task. A rejection is a failure (its message is reported). */
  run(task: T): Promise<Finished>;
  /** Every task's final outcome, once. */
  onFinished(task: T, result: Finished): void;
  /** Write tasks in flight at most (the client's scheduler does the real limiting). @default 64 */
  maxInFlight?: number;
  /** Wait tasks in flight at most. @default 256 */
  maxWaiting?: number;
  signal?: AbortSignal;
}

interface Node<T> {
  task: T;
  index: number;
  remaining: number;
  dependents: number[];
  /** Root cause that keeps this task from running, once any dependency did not apply. */
  blocked?: { outcome: 'skipped' | 'pending'; message: string };
  done: boolean;
}

/** Resolves when every task has finished (run, or skipped/pending without running). Tasks must be in plan order. */
export function runGraph<T extends GraphTask>(tasks: readonly T[], options: GraphOptions<T>): Promise<void> {
  const limits = { write: options.maxInFlight ?? 64, wait: options.maxWaiting ?? 256 };
  const nodes: Node<T>[] = tasks.map((task, index) => ({ task, index, remaining: 0, dependents: [], done: false }));
  const byId = new Map(nodes.map((node) => [node.task.id, node]));
  for (const node of nodes) {
    for (const dep of new Set(node.task.dependsOn)) {
      const target = byId.get(dep);
      if (!target) {
        node.blocked ??= { outcome: 'skipped', message: `blocked by unknown operation ${dep}` };
        continue;
      }
      node.remaining++;
      target.dependents.push(node.index);
    }
  }
  const ready = { write: [] as number[], wait: [] as number[] };
  const inFlight = { write: 0, wait: 0 };
  let finished = 0;

  return new Promise<void>((resolve) => {
    const finish = (node: Node<T>, result: Finished) => {
      if (node.done) return;
      node.done = true;
      finished++;
      options.onFinished(node.task, result);
      const cause = causeFor(node.task.id, result);
      for (const index of node.dependents) {
        const dependent = nodes[index]!;
        if (cause && (!dependent.blocked || (dependent.blocked.outcome === 'pending' && cause.outcome === 'skipped'))) {
          dependent.blocked = cause;
        }
        dependent.remaining--;
        if (dependent.remaining === 0) release(dependent);
      }
    };
    const release = (node: Node<T>) => {
      if (node.blocked) finish(node, node.blocked);
      else enqueue(ready[node.task.lane], node.index);
    };
    const start = (node: Node<T>) => {
      const lane = node.task.lane;
      inFlight[lane]++;
      options
        .run(node.task)
        .catch((error: unknown): Finished => ({ outcome: 'failed', message: error instanceof Error ? error.message : String(error) }))
        .then((result) => {
          inFlight[lane]--;
          finish(node, result);
          pump();
        });
    };
    const pump = () => {
      if (options.signal?.aborted) {
        for (const lane of ['write', 'wait'] as const) {
          for (const index of ready[lane].splice(0)) finish(nodes[index]!, { outcome: 'skipped', message: 'aborted before it started' });
        }
      }
      for (const lane of ['write', 'wait'] as const) {
        while (inFlight[lane] < limits[lane] && ready[lane].length > 0) start(nodes[ready[lane].shift()!]!);
      }
      if (inFlight.write + inFlight.wait > 0) return;
      // Nothing runs and nothing is ready: what is left waits on a cycle (or on nothing, after an abort).
      for (const node of nodes) {
        if (!node.done) {
          finish(node, {
            outcome: 'skipped',
            message: options.signal?.aborted ? 'aborted before it started' : 'blocked by a dependency cycle',
          });
        }
      }
      if (finished === nodes.length) {
        options.signal?.removeEventListener('abort', onAbort);
        resolve();
      }
    };
    const onAbort = () => pump();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (const node of nodes) if (node.remaining === 0) release(node);
    pump();
  });
}

function causeFor(id: string, result: Finished): Node<GraphTask>['blocked'] {
  if (result.outcome === 'applied') return undefined;
  if (result.outcome === 'failed') return { outcome: 'skipped', message: `blocked by failed ${id}` };
  // Skips and pendings pass their root cause on unchanged.
  return { outcome: result.outcome, message: result.message };
}

/** Inserts keeping the queue sorted by plan index, so ties start in plan order (deterministic). */
function enqueue(queue: number[], index: number): void {
  let low = 0;
  let high = queue.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (queue[mid]! < index) low = mid + 1;
    else high = mid;
  }
  queue.splice(low, 0, index);
}
