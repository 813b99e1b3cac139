/** Writes the committed generated files (`npm run build:generated`). */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATED_FILES } from './generated-files.js';

for (const { file, render } of GENERATED_FILES) {
  const content = await render();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  console.log(`wrote ${file} (${(Buffer.byteLength(content) / 1024).toFixed(1)} KiB)`);
}
