/**
 * The server under load in a child process: `server/src/main.ts` run through tsx on a free loopback port,
 * with an in-memory PGlite store seeded with the demo tenant and no background jobs. Its output is drained
 * (a full pipe would block it) and its end kept for error messages; it counts as started once it prints its
 * API address and `/ready` answers 200, and it is stopped with SIGTERM, then SIGKILL after 10 s (or killed
 * outright should the benchmark exit first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_ENTRY = 'server/src/main.ts';
const READY_TIMEOUT_MS = 120_000;

export interface Server {
  url: string;
  child: ChildProcess;
  /** The end of what the server wrote (its log lines at LOG_LEVEL=warn and above). */
  output(): string;
  stop(): Promise<void>;
}

/** The last `limit` characters of a stream, kept while the stream is drained (a full pipe would block the child). */
function tail(stream: NodeJS.ReadableStream | null, limit = 64 * 1024) {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/** Starts the server on a free loopback port, with an in-memory store seeded with the demo tenant, once ready. */
export async function startServer(log: (line: string) => void): Promise<Server> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    CONDUIT_MEMORY: '1',
    CONDUIT_JOBS: '0',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  for (const name of ['DATABASE_URL', 'CONDUIT_DATA_DIR', 'CONDUIT_DEMO']) delete environment[name];
  const child = spawn(process.execPath, ['--conditions=conduit-source', '--import', 'tsx', SERVER_ENTRY], {
    cwd: REPOSITORY_ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Should the benchmark die before `stop`, the server goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
    });
    await Promise.race([exited, killed]);
    clearTimeout(timer);
    await exited;
  };

  const started = performance.now();
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s.`)),
        READY_TIMEOUT_MS,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        settle();
      };
      const onData = () => {
        const found = /API:\s+(http:\/\/\S+?)\/api\/v1\b/.exec(stdout());
        if (found) done(() => resolve(found[1]!));
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) =>
        done(() => reject(new Error(`The server stopped before it was ready (${signal ?? `exit code ${code}`}).`))),
      );
      child.once('error', (error) => done(() => reject(error)));
    });
    const ready = await fetch(`${url}/ready`);
    if (ready.status !== 200) throw new Error(`${url}/ready answered ${ready.status}: ${await ready.text()}`);
    log(`server ${url} (pid ${child.pid}) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { url, child, output: () => `${stdout()}${stderr()}`, stop };
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${message}\n--- server stderr ---\n${stderr().trim() || '(empty)'}\n--- server stdout ---\n${stdout().trim() || '(empty)'}`,
      { cause: error },
    );
  }
}
