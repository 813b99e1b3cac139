import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166/2.js';

/** Where the generated subdivision code table lives, relative to the repository root. */
export const SUBDIVISION_CODES_FILE = 'shared/src/geo/subdivision-codes.generated.ts';

/**
 * The ISO 3166-2 subdivision codes from the iso-3166 package, without their names, as one compact
 * string (`AD:02 03 …|AE:AJ AZ …`): the core checks codes, and the names would weigh 200 KiB in the
 * Lightning bundle.
 */
export function renderSubdivisionCodes(): string {
  const byCountry = new Map<string, string[]>();
  for (const { code } of iso31662) {
    const [country, subdivision] = [code.slice(0, 2), code.slice(3)];
    byCountry.set(country, [...(byCountry.get(country) ?? []), subdivision]);
  }
  const table = [...byCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, codes]) => `${country}:${codes.sort().join(' ')}`)
    .join('|');
  const { version } = createRequire(import.meta.url)('iso-3166/package.json') as { version: string };
  return `// GENERATED FILE: do not edit. ISO 3166-2 subdivision codes from iso-3166@${version}, written by
// scripts/build/subdivision-codes.ts (npm run build). A test fails when it is stale.
export const SUBDIVISION_CODES_BY_COUNTRY =
  '${table}';
`;
}
