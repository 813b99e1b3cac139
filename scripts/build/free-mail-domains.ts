import { createRequire } from 'node:module';
import { parse } from 'tldts';

const require = createRequire(import.meta.url);

/** Where the generated free-mail table lives, relative to the repository root. */
export const FREE_MAIL_DOMAINS_FILE = 'shared/src/matching/domain/free-mail-domains.generated.ts';

/**
 * The registrable domains of free and disposable e-mail providers, from the free-email-domains package
 * (MIT, Kiko Beats and contributors), grouped by public suffix to keep the Lightning bundle small:
 * `com:gmail hotmail …|de:gmx web …`. Hosts under private suffixes (dynamic DNS) are left out: no
 * customer's address is there.
 */
export function renderFreeMailDomains(): string {
  const domains = require('free-email-domains') as string[];
  const { version } = require('free-email-domains/package.json') as { version: string };
  const bySuffix = new Map<string, Set<string>>();
  for (const domain of domains) {
    const parsed = parse(domain, { allowPrivateDomains: true });
    if (!parsed.domain || !parsed.publicSuffix || parsed.isPrivate || parsed.domainWithoutSuffix === null) continue;
    const labels = bySuffix.get(parsed.publicSuffix) ?? new Set<string>();
    labels.add(parsed.domainWithoutSuffix);
    bySuffix.set(parsed.publicSuffix, labels);
  }
  const table = [...bySuffix.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([suffix, labels]) => `${suffix}:${[...labels].sort().join(' ')}`)
    .join('|');
  return `// GENERATED FILE: do not edit. Free and disposable e-mail domains from free-email-domains@${version}
// (MIT, Kiko Beats and contributors), written by scripts/build/free-mail-domains.ts (npm run build).
// A test fails when it is stale.
export const FREE_MAIL_DOMAINS_BY_SUFFIX =
  '${table}';
`;
}
