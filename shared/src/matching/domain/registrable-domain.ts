import { parse } from 'tldts';
import { FREE_MAIL_DOMAINS_BY_SUFFIX } from './free-mail-domains.generated.js';

/** The registrable part of a web domain: `acme.co.uk` for `https://www.acme.co.uk/contact`. */
export interface RegistrableDomain {
  /** The registrable domain, such as `acme.co.uk`. */
  domain: string;
  /** The label the owner chose, such as `acme`. */
  label: string;
  /** The public suffix it sits under, such as `co.uk`. */
  suffix: string;
}

let freeMailDomains: ReadonlySet<string> | undefined;

function freeMailSet(): ReadonlySet<string> {
  freeMailDomains ??= new Set(
    FREE_MAIL_DOMAINS_BY_SUFFIX.split('|').flatMap((group) => {
      const [suffix, labels] = group.split(':') as [string, string];
      return labels.split(' ').map((label) => `${label}.${suffix}`);
    }),
  );
  return freeMailDomains;
}

/**
 * The registrable domain of a web address, a host name or an e-mail address, by the Public Suffix
 * List (private suffixes included, so `shop.myshopify.com` is its own domain). `undefined` for input
 * that has none: an IP address, `localhost`, a bare suffix, text that is not a domain.
 *
 * @example registrableDomain('jane.doe@sales.acme.co.uk') // { domain: 'acme.co.uk', label: 'acme', suffix: 'co.uk' }
 */
export function registrableDomain(input: string): RegistrableDomain | undefined {
  const parsed = parse(input.trim().toLowerCase(), { allowPrivateDomains: true });
  if (!parsed.domain || parsed.isIp || !parsed.publicSuffix || !parsed.domainWithoutSuffix) return undefined;
  return { domain: parsed.domain, label: parsed.domainWithoutSuffix, suffix: parsed.publicSuffix };
}

/**
 * Whether a registrable domain belongs to a free or disposable e-mail provider (gmail.com,
 * yahoo.co.uk, mailinator.com…): such a domain says nothing about which company someone works for.
 */
export function isFreeMailDomain(domain: string): boolean {
  return freeMailSet().has(domain);
}

/**
 * The registrable domain of a company's web address or e-mail that can serve as evidence of who the
 * company is: `undefined` when there is none or when it is a free-mail provider.
 *
 * @example companyDomain('jane@gmail.com') // undefined
 */
export function companyDomain(input: string | undefined): RegistrableDomain | undefined {
  if (input === undefined || input.trim() === '') return undefined;
  const domain = registrableDomain(input);
  return domain && !isFreeMailDomain(domain.domain) ? domain : undefined;
}
