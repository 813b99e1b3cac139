import type { Certification, Partner } from '../../../entities/partner.js';
import { issue, type Issue } from '../../../result/issue.js';
import type { CalendarDate } from '../../../time/calendar-date.js';
import type { RegistrationDetails } from '../../registration.js';
import { failed, joinAnd, passed, skipped, type PolicyCheck } from '../policy-check.js';

/** A product that only partners holding a certification type may register. */
interface Requirement {
  product: string;
  certificationType: string;
}

/**
 * Whether a certification covers a requirement on `today`: the same type, no product or the required
 * one, earned on or before today and expiring on or after it (or never).
 */
export function certificationCovers(
  certification: Certification,
  requirement: Requirement,
  today: CalendarDate,
): boolean {
  return (
    certification.type === requirement.certificationType &&
    (certification.product === undefined || certification.product === requirement.product) &&
    certification.earnedOn <= today &&
    (certification.expiresOn === null || certification.expiresOn >= today)
  );
}

/** The latest expiry among the partner's lapsed certifications of the requirement, to say when it lapsed. */
function lastExpiry(certifications: readonly Certification[], requirement: Requirement, today: CalendarDate) {
  const expired = certifications
    .filter(
      (certification) =>
        certification.type === requirement.certificationType &&
        (certification.product === undefined || certification.product === requirement.product) &&
        certification.expiresOn !== null &&
        certification.expiresOn < today,
    )
    .map((certification) => certification.expiresOn!)
    .sort();
  return expired.length === 0 ? null : expired[expired.length - 1]!;
}

/**
 * For each registered product with a certification requirement, the partner holds an unexpired
 * certification of that type on `today` (an expiry on or after today counts; a certification naming
 * another product does not). Each requirement not met is `certification_missing` at the product's index.
 */
export function checkCertifications(
  details: RegistrationDetails,
  partner: Partner,
  requirements: readonly Requirement[],
  today: CalendarDate,
): PolicyCheck {
  const applying = details.products.flatMap((product, index) =>
    details.products.indexOf(product) === index
      ? requirements
          .filter((requirement) => requirement.product === product)
          .map((requirement) => ({ requirement, index }))
      : [],
  );
  const outcomes = applying.map(({ requirement, index }) => ({
    ...requirement,
    index,
    held: partner.certifications.some((certification) => certificationCovers(certification, requirement, today)),
    expiredOn: lastExpiry(partner.certifications, requirement, today),
  }));
  const facts = {
    today,
    requirements: outcomes.map(({ product, certificationType, held, expiredOn }) => ({
      product,
      certificationType,
      held,
      expiredOn: held ? null : expiredOn,
    })),
  };
  if (outcomes.length === 0) return skipped('certifications', 'No registered product needs a certification.', facts);
  const needs = (outcome: Requirement) => `${outcome.certificationType} for ${outcome.product}`;
  const missing = outcomes.filter((outcome) => !outcome.held);
  if (missing.length === 0) {
    return passed(
      'certifications',
      `${partner.name} holds the certifications its products need: ${joinAnd(outcomes.map(needs))}.`,
      facts,
    );
  }
  const issues: Issue[] = missing.map((outcome) =>
    issue(
      ['details', 'products', outcome.index],
      'certification_missing',
      `Product "${outcome.product}" may be registered only by partners holding a ${outcome.certificationType} certification; ${partner.name} ${outcome.expiredOn === null ? 'holds none' : `holds none: its last one expired on ${outcome.expiredOn}`}.`,
    ),
  );
  const lacking = missing.map((outcome) =>
    outcome.expiredOn === null ? needs(outcome) : `${needs(outcome)} (expired on ${outcome.expiredOn})`,
  );
  return failed(
    'certifications',
    `${partner.name} lacks certifications its products need: ${joinAnd(lacking)}.`,
    facts,
    issues,
  );
}
