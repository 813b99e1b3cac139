/**
 * Activities as they stream in, kept compactly (partner, kind, bucket and count in typed arrays) until the
 * report adds them up by bucket, partner and kind, and finds who was engaged when.
 */
export class ActivityLog {
  readonly kinds: string[] = [];
  readonly #kindIndex = new Map<string, number>();
  #partner = new Int32Array(1024);
  #kind = new Int32Array(1024);
  #bucket = new Int32Array(1024);
  #count = new Float64Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(partner: number, kind: string, bucket: number, count: number): void {
    let kindIndex = this.#kindIndex.get(kind);
    if (kindIndex === undefined) {
      kindIndex = this.kinds.length;
      this.kinds.push(kind);
      this.#kindIndex.set(kind, kindIndex);
    }
    if (this.#length === this.#partner.length) this.#grow();
    const index = this.#length++;
    this.#partner[index] = partner;
    this.#kind[index] = kindIndex;
    this.#bucket[index] = bucket;
    this.#count[index] = count;
  }

  #grow(): void {
    const size = this.#partner.length * 2;
    const partner = new Int32Array(size);
    const kind = new Int32Array(size);
    const bucket = new Int32Array(size);
    const count = new Float64Array(size);
    partner.set(this.#partner);
    kind.set(this.#kind);
    bucket.set(this.#bucket);
    count.set(this.#count);
    [this.#partner, this.#kind, this.#bucket, this.#count] = [partner, kind, bucket, count];
  }

  /** Visits every activity: its partner, kind index, bucket and count. */
  forEach(visit: (partner: number, kind: number, bucket: number, count: number) => void): void {
    for (let index = 0; index < this.#length; index++) {
      visit(this.#partner[index]!, this.#kind[index]!, this.#bucket[index]!, this.#count[index]!);
    }
  }
}
