import { formatPath, issue, type Issue } from '../../result/issue.js';
import type { Program } from '../schema/program.js';
import type { RegistrationField } from '../schema/registration-policy.js';

function thresholdIssues({ registration }: Program): Issue[] {
  const { same, possible } = registration.conflicts.matchThresholds;
  if (possible < same) return [];
  return [
    issue(
      ['registration', 'conflicts', 'matchThresholds', 'possible'],
      'threshold_order',
      `The "possible" match threshold (${possible}) must be lower than the "same" threshold (${same}): scores between the two need review.`,
    ),
  ];
}

function minimumAmountIssues({ registration, currency }: Program): Issue[] {
  const minimum = registration.minimumAmount;
  if (minimum === null || minimum.currency === currency) return [];
  return [
    issue(
      ['registration', 'minimumAmount', 'currency'],
      'currency_mismatch',
      `The minimum deal amount is in ${minimum.currency}, but the program's currency is ${currency}: state it in ${currency}.`,
    ),
  ];
}

function certificationRequirementIssues({ registration }: Program): Issue[] {
  const eligible = registration.eligibleProducts;
  if (eligible === 'all') return [];
  return registration.certificationRequirements.flatMap((requirement, index) =>
    eligible.includes(requirement.product)
      ? []
      : [
          issue(
            ['registration', 'certificationRequirements', index, 'product'],
            'unknown_reference',
            `Product "${requirement.product}" needs a certification but is not among the eligible products, so no registration could use it: add it to eligibleProducts or remove the requirement.`,
          ),
        ],
  );
}

function aliasIssues({ registration }: Program): Issue[] {
  const owner = new Map<string, number>();
  const issues: Issue[] = [];
  registration.companyAliases.forEach((entry, entryIndex) => {
    const names: [string, (string | number)[]][] = [
      [entry.name, ['name']],
      ...entry.aliases.map((alias, aliasIndex): [string, (string | number)[]] => [alias, ['aliases', aliasIndex]]),
    ];
    for (const [name, subPath] of names) {
      const key = name.trim().toLowerCase();
      const earlier = owner.get(key);
      if (earlier !== undefined && earlier !== entryIndex) {
        issues.push(
          issue(
            ['registration', 'companyAliases', entryIndex, ...subPath],
            'alias_conflict',
            `"${name}" is already listed in ${formatPath(['registration', 'companyAliases', earlier])}: a name may belong to only one company.`,
          ),
        );
      } else {
        owner.set(key, entryIndex);
      }
    }
  });
  return issues;
}

/**
 * A restriction is only checked when its field is filled: the fields the policy restricts must be
 * required, or a partner could leave them empty and pass.
 */
function restrictedFieldIssues({ registration }: Program): Issue[] {
  const needs: [boolean, RegistrationField, string][] = [
    [registration.eligibleTerritories !== 'all', 'customerCountry', 'territories are restricted'],
    [registration.minimumAmount !== null, 'amount', 'there is a minimum amount'],
    [
      registration.eligibleProducts !== 'all' || registration.certificationRequirements.length > 0,
      'products',
      'products are restricted',
    ],
  ];
  return needs
    .filter(([applies, field]) => applies && !registration.requiredFields.includes(field))
    .map(([, field, because]) =>
      issue(
        ['registration', 'requiredFields'],
        'restricted_field_not_required',
        `requiredFields must include "${field}" because ${because}: a registration without it would escape the check.`,
      ),
    );
}

/** The rules that span the registration policy and the rest of the program. */
export function registrationRuleIssues(program: Program): Issue[] {
  return [
    ...thresholdIssues(program),
    ...minimumAmountIssues(program),
    ...certificationRequirementIssues(program),
    ...aliasIssues(program),
    ...restrictedFieldIssues(program),
  ];
}
