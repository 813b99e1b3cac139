/**
 * Plain objects used as maps from ids to values, read and written by own property only, so that an id such
 * as `constructor` or `__proto__` is an ordinary key and never reaches the object's prototype.
 */
export type IdRecord<T> = Record<string, T>;

/** The value stored under `key`, or `undefined` when there is none. */
export function ownValue<T>(record: IdRecord<T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable property (also for `__proto__`). */
export function setOwn<T>(record: IdRecord<T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

/** A shallow copy holding the same own entries. */
export function copyRecord<T>(record: IdRecord<T>): IdRecord<T> {
  return { ...record };
}

/** Whether the record holds no entry. */
export function isEmptyRecord(record: IdRecord<unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false;
  return true;
}
