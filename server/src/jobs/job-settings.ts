/** How the schedulers run jobs; read from the environment by `jobSettingsFromEnvironment`. */
export interface JobSettings {
  /** Run scheduled jobs in this instance (a deployment may keep some instances for the API only). */
  enabled: boolean;
  /**
   * How long a run may stay active in the PostgreSQL queue before it is failed and retried, whether its
   * worker died or hangs (pg-boss's `expireInSeconds`, at most 24 hours).
   */
  expireInSeconds: number;
  /**
   * How often a worker tells the queue its run is alive; a run not heard from for this long (its worker
   * died) is retried by another instance (pg-boss's `heartbeatSeconds`, at least 10).
   */
  heartbeatSeconds: number;
  /** How often the queue looks for expired runs and silent workers (pg-boss's supervision interval). */
  superviseIntervalSeconds: number;
  /** How many times a failed or abandoned run is tried again before it is recorded as failed. */
  retryLimit: number;
  /** How long a failed attempt waits before it is tried again. */
  retryDelaySeconds: number;
  /** How often each tenant's schedules are read again from its program in force. */
  syncIntervalSeconds: number;
  /** How often runs asked for through the API are picked up, and workers poll the queue. */
  pollIntervalSeconds: number;
}

/** The settings of an instance whose environment says nothing: jobs on, a dead worker's run resumed within about 90 s. */
export const DEFAULT_JOB_SETTINGS: JobSettings = {
  enabled: true,
  expireInSeconds: 4 * 60 * 60,
  heartbeatSeconds: 60,
  superviseIntervalSeconds: 30,
  retryLimit: 5,
  retryDelaySeconds: 15,
  syncIntervalSeconds: 60,
  pollIntervalSeconds: 2,
};

function number(
  environment: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  whole = true,
): number {
  const text = environment[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value)))
    throw new Error(`${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}, but it is "${text}".`);
  return value;
}

/**
 * Reads the job settings from the environment: `CONDUIT_JOBS=0` turns the scheduler off in this instance;
 * `CONDUIT_JOB_EXPIRE_SECONDS`, `CONDUIT_JOB_HEARTBEAT_SECONDS`, `CONDUIT_JOB_SUPERVISE_SECONDS`,
 * `CONDUIT_JOB_RETRY_LIMIT`, `CONDUIT_JOB_RETRY_DELAY_SECONDS`, `CONDUIT_JOB_SYNC_SECONDS` and
 * `CONDUIT_JOB_POLL_SECONDS` change the defaults (see `JobSettings`). Throws on a malformed value.
 */
export function jobSettingsFromEnvironment(environment: NodeJS.ProcessEnv): JobSettings {
  const defaults = DEFAULT_JOB_SETTINGS;
  return {
    enabled: environment.CONDUIT_JOBS !== '0',
    expireInSeconds: number(environment, 'CONDUIT_JOB_EXPIRE_SECONDS', defaults.expireInSeconds, 1, 24 * 60 * 60),
    heartbeatSeconds: number(environment, 'CONDUIT_JOB_HEARTBEAT_SECONDS', defaults.heartbeatSeconds, 10, 3600),
    superviseIntervalSeconds: number(
      environment,
      'CONDUIT_JOB_SUPERVISE_SECONDS',
      defaults.superviseIntervalSeconds,
      1,
      3600,
    ),
    retryLimit: number(environment, 'CONDUIT_JOB_RETRY_LIMIT', defaults.retryLimit, 0, 100),
    retryDelaySeconds: number(environment, 'CONDUIT_JOB_RETRY_DELAY_SECONDS', defaults.retryDelaySeconds, 0, 3600),
    syncIntervalSeconds: number(environment, 'CONDUIT_JOB_SYNC_SECONDS', defaults.syncIntervalSeconds, 1, 3600),
    pollIntervalSeconds: number(environment, 'CONDUIT_JOB_POLL_SECONDS', defaults.pollIntervalSeconds, 0.5, 60, false),
  };
}
