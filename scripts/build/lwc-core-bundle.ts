import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const BANNER = `/*
 * GENERATED FILE: do not edit. The Conduit domain core (shared/, @conduit/core) bundled for Lightning
 * Web Components by scripts/build/lwc-core-bundle.ts. Rebuild with \`npm run build\`; a test fails when
 * this file is stale.
 */`;

/**
 * Bundles the core into one ES module for Lightning: no bare imports left, zod in jitless mode,
 * minified (a component file may be at most 1 MB), with function and class names kept for stack traces.
 */
export async function bundleLwcCore(): Promise<string> {
  const result = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: ['scripts/build/lwc-core-entry.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: ['conduit-source'],
    minify: true,
    keepNames: true,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: BANNER },
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output || result.outputFiles.length !== 1) throw new Error('esbuild produced no single bundle');
  return output.text;
}
