/**
 * Keeps the `capacity` items with the highest scores seen so far (a bounded min-heap), so that picking
 * the best few of many candidates costs O(n log capacity).
 */
export class TopCandidates {
  private readonly slots: Int32Array;
  private readonly scores: Float64Array;
  private count = 0;

  constructor(private readonly capacity: number) {
    this.slots = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  /** Offers an item; it is kept if the heap is not full or it beats the weakest kept. */
  offer(slot: number, score: number): void {
    if (this.count < this.capacity) {
      this.slots[this.count] = slot;
      this.scores[this.count] = score;
      this.siftUp(this.count++);
    } else if (score > this.scores[0]!) {
      this.slots[0] = slot;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  /** The kept items with their scores, in no particular order. */
  items(): { slot: number; score: number }[] {
    return Array.from({ length: this.count }, (_, index) => ({ slot: this.slots[index]!, score: this.scores[index]! }));
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.scores[parent]! <= this.scores[index]!) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.count && this.scores[left]! < this.scores[smallest]!) smallest = left;
      if (right < this.count && this.scores[right]! < this.scores[smallest]!) smallest = right;
      if (smallest === index) return;
      this.swap(smallest, index);
      index = smallest;
    }
  }

  private swap(i: number, j: number): void {
    [this.slots[i], this.slots[j]] = [this.slots[j]!, this.slots[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }
}
