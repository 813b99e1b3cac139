import type { MdfChangeSet, MdfStore } from '../ports/mdf-store.js';

/**
 * Wraps a store so that each writer's commit waits until the test releases it: two use cases can then
 * read the same snapshot and commit in an order the test chooses, as two managers would.
 */
export class GatedStore {
  private readonly arrived = new Map<string, () => void>();
  private readonly arrivals = new Map<string, Promise<void>>();
  private readonly gates = new Map<string, { open: Promise<void>; release: () => void }>();

  constructor(private readonly inner: MdfStore) {}

  /** The store a writer uses: reads go straight through, its commit waits for `release(writer)`. */
  forWriter(writer: string): MdfStore {
    let release!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    this.gates.set(writer, { open, release });
    this.arrivals.set(writer, new Promise<void>((resolve) => this.arrived.set(writer, resolve)));
    const { inner } = this;
    return {
      budgets: inner.budgets,
      allocations: inner.allocations,
      requests: inner.requests,
      claims: inner.claims,
      paymentBatches: inner.paymentBatches,
      ledger: inner.ledger,
      commit: async (changes: MdfChangeSet) => {
        this.arrived.get(writer)!();
        await open;
        return inner.commit(changes);
      },
    };
  }

  /** Resolves once the writer waits at its commit, or its operation finished without committing. */
  async readyOrDone(writer: string, operation: Promise<unknown>): Promise<'waiting' | 'done'> {
    return Promise.race([
      this.arrivals.get(writer)!.then(() => 'waiting' as const),
      operation.then(() => 'done' as const),
    ]);
  }

  /** Lets the writer's commit through. */
  release(writer: string): void {
    this.gates.get(writer)!.release();
  }
}
