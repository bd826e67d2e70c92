/** Events in the trailing `windowMs`: a queue of times, pruned as it is read. Memory is bounded by the window. */
export class TrailingCount {
  private times: number[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  add(at: number): void {
    this.times.push(at);
  }

  /** Events in (now - windowMs, now]. */
  count(now: number): number {
    const from = now - this.windowMs;
    while (this.head < this.times.length && this.times[this.head]! <= from) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }
}
