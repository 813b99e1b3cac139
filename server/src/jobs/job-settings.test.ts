import { DEFAULT_JOB_SETTINGS, jobSettingsFromEnvironment } from './job-settings.js';

describe('job settings from the environment', () => {
  it('defaults to jobs on, a minute-long heartbeat and five retries', () => {
    expect(jobSettingsFromEnvironment({})).toEqual(DEFAULT_JOB_SETTINGS);
    expect(DEFAULT_JOB_SETTINGS).toMatchObject({ enabled: true, heartbeatSeconds: 60, retryLimit: 5 });
  });

  it('reads each setting, and CONDUIT_JOBS=0 turns the scheduler off', () => {
    expect(
      jobSettingsFromEnvironment({
        CONDUIT_JOBS: '0',
        CONDUIT_JOB_EXPIRE_SECONDS: '600',
        CONDUIT_JOB_HEARTBEAT_SECONDS: '10',
        CONDUIT_JOB_SUPERVISE_SECONDS: '1',
        CONDUIT_JOB_RETRY_LIMIT: '0',
        CONDUIT_JOB_RETRY_DELAY_SECONDS: '0',
        CONDUIT_JOB_SYNC_SECONDS: '5',
        CONDUIT_JOB_POLL_SECONDS: '0.5',
      }),
    ).toEqual({
      enabled: false,
      expireInSeconds: 600,
      heartbeatSeconds: 10,
      superviseIntervalSeconds: 1,
      retryLimit: 0,
      retryDelaySeconds: 0,
      syncIntervalSeconds: 5,
      pollIntervalSeconds: 0.5,
    });
  });

  it.each([
    [
      'CONDUIT_JOB_HEARTBEAT_SECONDS',
      '5',
      'CONDUIT_JOB_HEARTBEAT_SECONDS must be a whole number from 10 to 3600, but it is "5".',
    ],
    [
      'CONDUIT_JOB_EXPIRE_SECONDS',
      '90000',
      'CONDUIT_JOB_EXPIRE_SECONDS must be a whole number from 1 to 86400, but it is "90000".',
    ],
    [
      'CONDUIT_JOB_RETRY_LIMIT',
      '2.5',
      'CONDUIT_JOB_RETRY_LIMIT must be a whole number from 0 to 100, but it is "2.5".',
    ],
    [
      'CONDUIT_JOB_POLL_SECONDS',
      'often',
      'CONDUIT_JOB_POLL_SECONDS must be a number from 0.5 to 60, but it is "often".',
    ],
  ])('refuses a malformed %s', (name, value, message) => {
    expect(() => jobSettingsFromEnvironment({ [name]: value })).toThrow(message);
  });
});
