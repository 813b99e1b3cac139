import path from 'node:path';
import { settingsFromEnvironment } from './server-settings.js';

describe('server settings', () => {
  it('defaults to the loopback interface, port 3000 and the embedded store in .conduit/', () => {
    const settings = settingsFromEnvironment({});
    expect(settings).toMatchObject({ host: '127.0.0.1', port: 3000, seedDemo: true, store: { kind: 'pglite' } });
    expect(settings.store.kind === 'pglite' && settings.store.dataDir?.endsWith(`${path.sep}.conduit`)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and memory when asked', () => {
    expect(settingsFromEnvironment({ DATABASE_URL: 'postgres://x@h/db' }).store).toEqual({
      kind: 'postgres',
      url: 'postgres://x@h/db',
    });
    expect(settingsFromEnvironment({ CONDUIT_MEMORY: '1' }).store).toEqual({ kind: 'pglite', dataDir: null });
  });

  it('refuses a malformed port', () => {
    expect(() => settingsFromEnvironment({ PORT: '80a' })).toThrow('PORT must be a whole number');
  });
});
