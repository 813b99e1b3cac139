import type { LocalMoment } from '../demo-calendar.js';

interface Entry {
  at: LocalMoment;
  seq: number;
  run: () => Promise<void>;
}

function before(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Things to do at local moments, done in time order (those scheduled for the same moment in the order
 * they were scheduled); doing one may schedule more. A binary heap.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;

  /** Schedules `run` at `at`. */
  at(at: LocalMoment, run: () => Promise<void>): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, run });
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  private take(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) break;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
    return top;
  }

  /**
   * Does everything scheduled up to `until` (included), in order, telling `enter` each moment first (to
   * move the clock); what is scheduled later stays undone.
   */
  async runUntil(until: LocalMoment, enter: (at: LocalMoment) => void): Promise<void> {
    for (;;) {
      const next = this.heap[0];
      if (next === undefined || next.at > until) return;
      this.take();
      enter(next.at);
      await next.run();
    }
  }
}
