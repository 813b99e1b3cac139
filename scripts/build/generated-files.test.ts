import { execFileSync } from 'node:child_process';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../..');

describe('generated files', () => {
  it('are up to date with their sources (the core, the program schema, iso-3166)', () => {
    const output = execFileSync(
      path.join(repositoryRoot, 'node_modules/.bin/tsx'),
      ['--conditions=conduit-source', 'scripts/build/check-generated.ts'],
      { cwd: repositoryRoot, encoding: 'utf8', stdio: 'pipe' },
    );

    expect(output).toContain('generated files are up to date');
  });
});
