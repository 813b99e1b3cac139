/**
 * The load benchmark's settings, from the environment: `CONDUIT_BENCH_LOAD_SECONDS` sets each scenario's
 * duration (default 10 s, with a warm-up of a fifth of it, between 1 and 2 s), `CONDUIT_BENCH_LOAD_CONNECTIONS`
 * the connections (default 32). They are read when the suite runs, not when `npm run bench` loads every suite.
 */

function setting(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${text}".`);
  return value;
}

/** How long and how wide each scenario runs. */
export interface LoadSettings {
  seconds: number;
  connections: number;
  warmupSeconds: number;
}

/** The settings from the environment, read when the suite runs (not when `npm run bench` loads every suite). */
export function loadSettings(): LoadSettings {
  const seconds = setting('CONDUIT_BENCH_LOAD_SECONDS', 10);
  return {
    seconds,
    connections: Math.round(setting('CONDUIT_BENCH_LOAD_CONNECTIONS', 32)),
    warmupSeconds: Math.min(2, Math.max(1, Math.round(seconds / 5))),
  };
}
