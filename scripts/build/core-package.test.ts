import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../..');

/*
 * `npm run build` compiles shared/ to shared/dist (ESM + .d.ts); `npm test` builds it first. Other
 * workspaces then import @conduit/core through its exports map with plain Node, no TypeScript loader.
 */
describe('the built @conduit/core package', () => {
  it('ships ESM with type declarations', () => {
    for (const file of ['index.js', 'index.d.ts', 'program/parse-program.js', 'program/parse-program.d.ts']) {
      expect(existsSync(path.join(repositoryRoot, 'shared/dist', file))).toBe(true);
    }
  });

  it('is importable as @conduit/core from another workspace with plain Node', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { parseProgram, formatMoney } from '@conduit/core';
      const result = parseProgram(JSON.parse(readFileSync('../config/conduit.program.json', 'utf8')));
      console.log(JSON.stringify({ success: result.success, money: formatMoney({ amount: 150, currency: 'EUR' }) }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: path.join(repositoryRoot, 'server'),
      encoding: 'utf8',
    });

    expect(JSON.parse(output)).toEqual({ success: true, money: '1.50 EUR' });
  });
});
