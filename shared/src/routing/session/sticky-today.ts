import { StringNumbers } from './string-numbers.js';

/**
 * One routing call's sticky entries: per account, the position of the partner its last lead went to today.
 * Accounts are numbered in the order they first stick (see `StringNumbers`) and positions kept in a typed
 * array by number, so that recording the offer of the lead whose account was just looked up (as routing
 * does) looks nothing up again. Account ids come with their `stringHash`.
 */
export class StickyToday {
  private readonly accounts = new StringNumbers();
  private positions = new Int32Array(256);
  /** The account looked up last and its number (-1: none). */
  private lastAccount: string | undefined = undefined;
  private lastNumber = -1;

  /** How many accounts have an entry. */
  get size(): number {
    return this.accounts.size;
  }

  /** The position of the partner the account's lead went to in this call, or -1. */
  positionOf(accountId: string, hash: number): number {
    const number = this.accounts.numberOf(accountId, hash);
    this.lastAccount = accountId;
    this.lastNumber = number;
    return number < 0 ? -1 : this.positions[number]!;
  }

  /** Records that the account's lead went to the partner at `position`. */
  set(accountId: string, hash: number, position: number): void {
    // Usually the account just looked up, as the very same string: then equal at once, by reference.
    let number = accountId === this.lastAccount ? this.lastNumber : this.accounts.numberOf(accountId, hash);
    if (number < 0) {
      number = this.accounts.add(accountId, hash);
      this.lastAccount = accountId;
      this.lastNumber = number;
      if (number === this.positions.length) {
        const positions = new Int32Array(2 * number);
        positions.set(this.positions);
        this.positions = positions;
      }
    }
    this.positions[number] = position;
  }

  /** Calls `visit` with each account and its partner's position, in the order the accounts first stuck. */
  forEach(visit: (accountId: string, position: number) => void): void {
    for (let number = 0; number < this.accounts.size; number++) {
      visit(this.accounts.textOf(number), this.positions[number]!);
    }
  }
}
