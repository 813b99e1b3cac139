import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
/** A full garbage collection, on demand. */
export const collectGarbage = runInNewContext('gc') as () => void;

/** The heap in use after a full garbage collection, in bytes: what the live objects weigh. */
export function liveHeapBytes(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Bytes to mebibytes. */
export function toMiB(bytes: number): number {
  return bytes / (1024 * 1024);
}
