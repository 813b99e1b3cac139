/**
 * Fails when a committed generated file differs from what its generator produces now, i.e. when
 * someone changed the core or the program schema without running `npm run build`.
 */
import { readFile } from 'node:fs/promises';
import { GENERATED_FILES } from './generated-files.js';

const stale: string[] = [];
for (const { file, render } of GENERATED_FILES) {
  const committed = await readFile(file, 'utf8').catch(() => undefined);
  if (committed !== (await render())) stale.push(file);
}
if (stale.length > 0) {
  console.error(
    `Stale generated files (run \`npm run build\` and commit them):\n${stale.map((f) => `  ${f}`).join('\n')}`,
  );
  process.exitCode = 1;
} else {
  console.log(`${GENERATED_FILES.length} generated files are up to date.`);
}
