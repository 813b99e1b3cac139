import type { IssuePath } from '../result/issue.js';
import { parseProgram } from './parse-program.js';
import { demoProgramInput } from './test-support/demo-program.js';

/* The demo program, as JSON, is what admins start from: each case breaks it in one way. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface MalformedCase {
  name: string;
  breakIt: (program: Json) => unknown;
  expected: [IssuePath, string][];
}

const tier = (program: Json, id: string): Json => program.tiers.find((candidate: Json) => candidate.id === id);
const step = (program: Json, id: string): Json => program.routing.steps.find((candidate: Json) => candidate.id === id);

const cases: MalformedCase[] = [
  { name: 'not an object', breakIt: () => 'program', expected: [[[], 'invalid_type']] },
  { name: 'missing currency', breakIt: (p) => void delete p.currency, expected: [[['currency'], 'required']] },
  {
    name: 'currency not in capitals',
    breakIt: (p) => void (p.currency = 'usd'),
    expected: [[['currency'], 'invalid_format']],
  },
  {
    name: 'currency not ISO 4217',
    breakIt: (p) => void (p.currency = 'XYZ'),
    expected: [[['currency'], 'unknown_currency']],
  },
  {
    name: 'schema version from the future',
    breakIt: (p) => void (p.schemaVersion = 2),
    expected: [[['schemaVersion'], 'invalid_value']],
  },
  { name: 'misspelled top-level field', breakIt: (p) => void (p.tier = []), expected: [[['tier'], 'unknown_field']] },
  { name: 'blank program name', breakIt: (p) => void (p.name = '   '), expected: [[['name'], 'blank']] },
  {
    name: 'fiscal year starting in month 13',
    breakIt: (p) => void (p.fiscalCalendar.firstMonth = 13),
    expected: [[['fiscalCalendar', 'firstMonth'], 'too_big']],
  },
  {
    name: 'unknown time zone',
    breakIt: (p) => void (p.fiscalCalendar.timeZone = 'Mars/Olympus_Mons'),
    expected: [[['fiscalCalendar', 'timeZone'], 'invalid_time_zone']],
  },
  { name: 'no tiers', breakIt: (p) => void (p.tiers = []), expected: [[['tiers'], 'too_small']] },
  {
    name: 'tier id with spaces',
    breakIt: (p) => void (tier(p, 'gold').id = 'Gold Tier'),
    expected: [[['tiers', 2, 'id'], 'invalid_format']],
  },
  {
    name: 'two tiers with one id',
    breakIt: (p) => void (tier(p, 'gold').id = 'silver'),
    expected: [[['tiers', 2, 'id'], 'duplicate_id']],
  },
  {
    name: 'two tiers with one rank',
    breakIt: (p) => void (tier(p, 'gold').rank = 2),
    expected: [[['tiers', 2, 'rank'], 'tier_rank_duplicate']],
  },
  {
    name: 'tiers listed out of rank order',
    breakIt: (p) => void (p.tiers = [p.tiers[0], p.tiers[2], p.tiers[1], p.tiers[3]]),
    expected: [[['tiers', 2, 'rank'], 'tier_rank_order']],
  },
  {
    name: 'discount above 100 %',
    breakIt: (p) => void (tier(p, 'gold').benefits.discountPercent = 120),
    expected: [[['tiers', 2, 'benefits', 'discountPercent'], 'too_big']],
  },
  {
    name: 'discount with three decimals',
    breakIt: (p) => void (tier(p, 'gold').benefits.discountPercent = 22.555),
    expected: [[['tiers', 2, 'benefits', 'discountPercent'], 'not_multiple_of']],
  },
  {
    name: 'registration cap of zero',
    breakIt: (p) => void (tier(p, 'silver').benefits.registrationCap = 0),
    expected: [[['tiers', 1, 'benefits', 'registrationCap'], 'too_small']],
  },
  {
    name: 'fractional routing weight',
    breakIt: (p) => void (tier(p, 'silver').benefits.routingWeight = 2.5),
    expected: [[['tiers', 1, 'benefits', 'routingWeight'], 'invalid_type']],
  },
  {
    name: 'missing benefits',
    breakIt: (p) => void delete tier(p, 'silver').benefits,
    expected: [[['tiers', 1, 'benefits'], 'required']],
  },
  {
    name: 'higher tier asks for less revenue',
    breakIt: (p) => void (tier(p, 'gold').criteria.conditions[0].atLeast.amount = 5_000_000),
    expected: [[['tiers', 2, 'criteria', 'conditions', 0, 'atLeast'], 'threshold_decreasing']],
  },
  {
    name: 'higher tier asks for fewer certifications',
    breakIt: (p) => void (tier(p, 'platinum').criteria.conditions[1].atLeast = 2),
    expected: [[['tiers', 3, 'criteria', 'conditions', 1, 'atLeast'], 'threshold_decreasing']],
  },
  {
    name: 'revenue threshold in another currency',
    breakIt: (p) => void (tier(p, 'silver').criteria.conditions[0].atLeast.currency = 'EUR'),
    expected: [[['tiers', 1, 'criteria', 'conditions', 0, 'atLeast', 'currency'], 'currency_mismatch']],
  },
  {
    name: 'negative revenue threshold',
    breakIt: (p) => void (tier(p, 'silver').criteria.conditions[0].atLeast.amount = -1),
    expected: [[['tiers', 1, 'criteria', 'conditions', 0, 'atLeast', 'amount'], 'too_small']],
  },
  {
    name: 'a tier above the entry tier open to all',
    breakIt: (p) => void (tier(p, 'silver').criteria.conditions = []),
    expected: [[['tiers', 1, 'criteria', 'conditions'], 'criteria_empty']],
  },
  {
    name: 'an empty "any" group',
    breakIt: (p) => void (tier(p, 'gold').criteria.conditions[2].conditions = []),
    expected: [[['tiers', 2, 'criteria', 'conditions', 2, 'conditions'], 'too_small']],
  },
  {
    name: 'a nested empty "all" group',
    breakIt: (p) => void tier(p, 'gold').criteria.conditions.push({ kind: 'all', conditions: [] }),
    expected: [[['tiers', 2, 'criteria', 'conditions', 3, 'conditions'], 'criteria_empty']],
  },
  {
    name: 'unknown criterion kind',
    breakIt: (p) => void (tier(p, 'silver').criteria.conditions[1].kind = 'certificates'),
    expected: [[['tiers', 1, 'criteria', 'conditions', 1, 'kind'], 'invalid_value']],
  },
  {
    name: 'criterion without a window',
    breakIt: (p) => void delete tier(p, 'silver').criteria.conditions[0].window,
    expected: [[['tiers', 1, 'criteria', 'conditions', 0, 'window'], 'required']],
  },
  {
    name: 'trailing window of zero months',
    breakIt: (p) => void (tier(p, 'silver').criteria.conditions[0].window.months = 0),
    expected: [[['tiers', 1, 'criteria', 'conditions', 0, 'window', 'months'], 'too_small']],
  },
  {
    name: 'customer satisfaction above 100',
    breakIt: (p) => void (tier(p, 'platinum').criteria.conditions[3].atLeast = 101),
    expected: [[['tiers', 3, 'criteria', 'conditions', 3, 'atLeast'], 'too_big']],
  },
  {
    name: 'grace period beyond three years of quarters',
    breakIt: (p) => void (p.tierPolicy.gracePeriods = 13),
    expected: [[['tierPolicy', 'gracePeriods'], 'too_big']],
  },
  {
    name: 'unknown downgrade step',
    breakIt: (p) => void (p.tierPolicy.downgrades.step = 'two_ranks'),
    expected: [[['tierPolicy', 'downgrades', 'step'], 'invalid_value']],
  },
  {
    name: 'specialization reserved to a tier that does not exist',
    breakIt: (p) => void (p.specializations[0].minimumTierId = 'diamond'),
    expected: [[['specializations', 0, 'minimumTierId'], 'unknown_reference']],
  },
  {
    name: 'two specializations with one id',
    breakIt: (p) => void (p.specializations[2].id = 'security'),
    expected: [[['specializations', 2, 'id'], 'duplicate_id']],
  },
  {
    name: 'specialization open to all',
    breakIt: (p) => void (p.specializations[1].criteria.conditions = []),
    expected: [[['specializations', 1, 'criteria', 'conditions'], 'criteria_empty']],
  },
  {
    name: 'misspelled required field',
    breakIt: (p) => void (p.registration.requiredFields[0] = 'customerNmae'),
    expected: [[['registration', 'requiredFields', 0], 'invalid_value']],
  },
  {
    name: 'required field listed twice',
    breakIt: (p) => void p.registration.requiredFields.push('amount'),
    expected: [[['registration', 'requiredFields', 7], 'duplicate_value']],
  },
  {
    name: 'restricted territories without the country among the required fields',
    breakIt: (p) =>
      void (p.registration.requiredFields = p.registration.requiredFields.filter(
        (field: string) => field !== 'customerCountry',
      )),
    expected: [[['registration', 'requiredFields'], 'restricted_field_not_required']],
  },
  {
    name: 'minimum amount in another currency',
    breakIt: (p) => void (p.registration.minimumAmount.currency = 'GBP'),
    expected: [[['registration', 'minimumAmount', 'currency'], 'currency_mismatch']],
  },
  {
    name: 'minimum amount with a fraction of a cent',
    breakIt: (p) => void (p.registration.minimumAmount.amount = 10.5),
    expected: [[['registration', 'minimumAmount', 'amount'], 'invalid_type']],
  },
  {
    name: 'empty list of eligible products',
    breakIt: (p) => void (p.registration.eligibleProducts = []),
    expected: [[['registration', 'eligibleProducts'], 'too_small']],
  },
  {
    name: 'eligible products neither "all" nor a list',
    breakIt: (p) => void (p.registration.eligibleProducts = 'everything'),
    expected: [[['registration', 'eligibleProducts'], 'invalid_value']],
  },
  {
    name: 'territory that is not an ISO 3166 code',
    breakIt: (p) => void (p.registration.eligibleTerritories[0] = 'USA'),
    expected: [[['registration', 'eligibleTerritories', 0], 'unknown_territory']],
  },
  {
    name: 'protection of zero days',
    breakIt: (p) => void (p.registration.protectionDays = 0),
    expected: [[['registration', 'protectionDays'], 'too_small']],
  },
  {
    name: 'certification required for a product that cannot be registered',
    breakIt: (p) => void (p.registration.certificationRequirements[0].product = 'hardware'),
    expected: [[['registration', 'certificationRequirements', 0, 'product'], 'unknown_reference']],
  },
  {
    name: '"possible" threshold above "same"',
    breakIt: (p) => void (p.registration.conflicts.matchThresholds.possible = 0.95),
    expected: [[['registration', 'conflicts', 'matchThresholds', 'possible'], 'threshold_order']],
  },
  {
    name: 'match threshold of zero',
    breakIt: (p) => void (p.registration.conflicts.matchThresholds.possible = 0),
    expected: [[['registration', 'conflicts', 'matchThresholds', 'possible'], 'too_small']],
  },
  {
    name: 'unknown precedence rule',
    breakIt: (p) => void (p.registration.conflicts.precedence = 'largest_deal'),
    expected: [[['registration', 'conflicts', 'precedence'], 'invalid_value']],
  },
  {
    name: 'one alias for two companies',
    breakIt: (p) => void p.registration.companyAliases[1].aliases.push('ibm'),
    expected: [[['registration', 'companyAliases', 1, 'aliases', 1], 'alias_conflict']],
  },
  {
    name: 'no routing steps',
    breakIt: (p) => void (p.routing.steps = []),
    expected: [[['routing', 'steps'], 'too_small']],
  },
  {
    name: 'routing step of an unknown kind',
    breakIt: (p) => void (step(p, 'industry').kind = 'vertical'),
    expected: [[['routing', 'steps', 5, 'kind'], 'invalid_value']],
  },
  {
    name: 'territory step without what to match',
    breakIt: (p) => void delete step(p, 'country').match,
    expected: [[['routing', 'steps', 1, 'match'], 'required']],
  },
  {
    name: 'two routing steps with one id',
    breakIt: (p) => void (step(p, 'language').id = 'industry'),
    expected: [[['routing', 'steps', 8, 'id'], 'duplicate_id']],
  },
  {
    name: 'minimum tier step naming an unknown tier',
    breakIt: (p) => void (step(p, 'silver-and-above').tierId = 'bronze'),
    expected: [[['routing', 'steps', 9, 'tierId'], 'unknown_reference']],
  },
  {
    name: 'specialization step naming an unknown specialization',
    breakIt: (p) => void (step(p, 'specialization').specializationIds = ['security', 'iot']),
    expected: [[['routing', 'steps', 6, 'specializationIds', 1], 'unknown_reference']],
  },
  {
    name: 'distance widening to less than it starts with',
    breakIt: (p) => void (step(p, 'nearby').maxRadiusKm = 25),
    expected: [[['routing', 'steps', 4, 'maxRadiusKm'], 'radius_order']],
  },
  {
    name: 'unknown selection strategy',
    breakIt: (p) => void (p.routing.selection = { kind: 'random' }),
    expected: [[['routing', 'selection', 'kind'], 'invalid_value']],
  },
  {
    name: 'best-score weight above 1',
    breakIt: (p) =>
      void (p.routing.selection = { kind: 'best_score', weights: { performance: 2, tierWeight: 0.3, fit: 0.2 } }),
    expected: [[['routing', 'selection', 'weights', 'performance'], 'too_big']],
  },
  {
    name: 'daily cap above the weekly cap',
    breakIt: (p) => void (p.routing.capacity.perPartner.day = 100),
    expected: [[['routing', 'capacity', 'perPartner', 'week'], 'cap_order']],
  },
  {
    name: 'capacity caps of zero',
    breakIt: (p) => void (p.routing.capacity.perPartner.month = 0),
    expected: [[['routing', 'capacity', 'perPartner', 'month'], 'too_small']],
  },
  {
    name: 'capacity caps for an unknown tier',
    breakIt: (p) => void (p.routing.capacity.perTier[0].tierId = 'bronze'),
    expected: [[['routing', 'capacity', 'perTier', 0, 'tierId'], 'unknown_reference']],
  },
  {
    name: 'tier caps that cap nothing',
    breakIt: (p) => void (p.routing.capacity.perTier[1] = { tierId: 'silver' }),
    expected: [[['routing', 'capacity', 'perTier', 1], 'caps_empty']],
  },
  {
    name: 'business-hour SLA without business hours',
    breakIt: (p) => void delete p.routing.offers.businessHours,
    expected: [[['routing', 'offers', 'businessHours'], 'required']],
  },
  {
    name: 'business hours ending before they start',
    breakIt: (p) => void (p.routing.offers.businessHours.end = '07:00'),
    expected: [[['routing', 'offers', 'businessHours', 'end'], 'time_order']],
  },
  {
    name: "business hours at 25 o'clock",
    breakIt: (p) => void (p.routing.offers.businessHours.start = '25:00'),
    expected: [[['routing', 'offers', 'businessHours', 'start'], 'invalid_format']],
  },
  {
    name: 'zero offer attempts',
    breakIt: (p) => void (p.routing.offers.maxAttempts = 0),
    expected: [[['routing', 'offers', 'maxAttempts'], 'too_small']],
  },
  {
    name: 'fund type paying for an unknown activity',
    breakIt: (p) => void (p.mdf.fundTypes[0].eligibleActivityIds[1] = 'booth'),
    expected: [[['mdf', 'fundTypes', 0, 'eligibleActivityIds', 1], 'unknown_reference']],
  },
  {
    name: 'accrual fund without its accrual terms',
    breakIt: (p) => void delete p.mdf.fundTypes[1].accrual,
    expected: [[['mdf', 'fundTypes', 1, 'accrual'], 'required']],
  },
  {
    name: 'activity asking for an unknown proof',
    breakIt: (p) => void (p.mdf.activities[0].proofKindIds[2] = 'selfie'),
    expected: [[['mdf', 'activities', 0, 'proofKindIds', 2], 'unknown_reference']],
  },
  {
    name: 'activity reimbursed at 0 %',
    breakIt: (p) => void (p.mdf.activities[4].reimbursementPercent = 0),
    expected: [[['mdf', 'activities', 4, 'reimbursementPercent'], 'too_small']],
  },
  {
    name: 'approval levels out of order',
    breakIt: (p) => void (p.mdf.approvalLevels[1].upTo.amount = 400_000),
    expected: [[['mdf', 'approvalLevels', 1, 'upTo', 'amount'], 'approval_level_order']],
  },
  {
    name: 'unbounded approval level before the last',
    breakIt: (p) => void (p.mdf.approvalLevels[0].upTo = null),
    expected: [[['mdf', 'approvalLevels', 0, 'upTo'], 'approval_level_order']],
  },
  {
    name: 'last approval level with a bound',
    breakIt: (p) => void (p.mdf.approvalLevels[2].upTo = { amount: 10_000_000, currency: 'USD' }),
    expected: [[['mdf', 'approvalLevels', 2, 'upTo'], 'approval_level_unbounded']],
  },
  {
    name: 'the program currency listed as an additional one',
    breakIt: (p) => void p.mdf.additionalCurrencies.push('USD'),
    expected: [[['mdf', 'additionalCurrencies', 4], 'duplicate_value']],
  },
  {
    name: 'claims due on the day of the activity',
    breakIt: (p) => void (p.mdf.claimDeadlineDays = 0),
    expected: [[['mdf', 'claimDeadlineDays'], 'too_small']],
  },
  {
    name: 'two onboarding milestones with one id',
    breakIt: (p) => void (p.lifecycle.onboarding.milestones[2].id = 'agreement'),
    expected: [[['lifecycle', 'onboarding', 'milestones', 2, 'id'], 'duplicate_id']],
  },
  {
    name: 'milestone due before onboarding starts',
    breakIt: (p) => void (p.lifecycle.onboarding.milestones[0].dueDays = -1),
    expected: [[['lifecycle', 'onboarding', 'milestones', 0, 'dueDays'], 'too_small']],
  },
  {
    name: 'unknown activation mode',
    breakIt: (p) => void (p.lifecycle.onboarding.activation = 'eventually'),
    expected: [[['lifecycle', 'onboarding', 'activation'], 'invalid_value']],
  },
  {
    name: 'position-based shares not adding up to 100 %',
    breakIt: (p) => void (p.analytics.attribution.model.middle = 30),
    expected: [[['analytics', 'attribution', 'model'], 'weights_sum']],
  },
  {
    name: 'custom attribution where nothing weighs',
    breakIt: (p) =>
      void (p.analytics.attribution.model = {
        kind: 'custom',
        weights: { sourced: 0, registered: 0, co_sell: 0, influence_activity: 0 },
      }),
    expected: [[['analytics', 'attribution', 'model', 'weights'], 'weights_zero']],
  },
  {
    name: 'unknown attribution model',
    breakIt: (p) => void (p.analytics.attribution.model = { kind: 'w_shaped' }),
    expected: [[['analytics', 'attribution', 'model', 'kind'], 'invalid_value']],
  },
  {
    name: 'time decay without a half-life',
    breakIt: (p) => void (p.analytics.attribution.model = { kind: 'time_decay' }),
    expected: [[['analytics', 'attribution', 'model', 'halfLifeDays'], 'required']],
  },
  {
    name: 'influence activities sourcing deals',
    breakIt: (p) => void p.analytics.attribution.sourcedBy.push('influence_activity'),
    expected: [[['analytics', 'attribution', 'sourcedBy', 2], 'invalid_value']],
  },
  {
    name: 'registration review SLA of zero hours',
    breakIt: (p) => void (p.analytics.registrationReviewSlaHours = 0),
    expected: [[['analytics', 'registrationReviewSlaHours'], 'too_small']],
  },
  {
    name: 'cron expression with a sixth field for seconds',
    breakIt: (p) => void (p.schedules.offerRecycling = '0 */10 * * * *'),
    expected: [[['schedules', 'offerRecycling'], 'invalid_cron']],
  },
  {
    name: 'cron minute out of range',
    breakIt: (p) => void (p.schedules.registrationExpiry = '75 0 * * *'),
    expected: [[['schedules', 'registrationExpiry'], 'invalid_cron']],
  },
  {
    name: 'cron hour that is not a number',
    breakIt: (p) => void (p.schedules.tierEvaluation = '0 two * * *'),
    expected: [[['schedules', 'tierEvaluation'], 'invalid_cron']],
  },
  {
    name: 'cron month by an unknown name',
    breakIt: (p) => void (p.schedules.accrualPosting = '30 2 1 JANUARY *'),
    expected: [[['schedules', 'accrualPosting'], 'invalid_cron']],
  },
  {
    name: 'cron day-of-week range running backwards',
    breakIt: (p) => void (p.schedules.tierEvaluation = '0 2 * * FRI-MON'),
    expected: [[['schedules', 'tierEvaluation'], 'invalid_cron']],
  },
  {
    name: 'cron step of zero',
    breakIt: (p) => void (p.schedules.offerRecycling = '*/0 * * * *'),
    expected: [[['schedules', 'offerRecycling'], 'invalid_cron']],
  },
  {
    name: 'cron list with an empty item',
    breakIt: (p) => void (p.schedules.offerRecycling = '0,,30 * * * *'),
    expected: [[['schedules', 'offerRecycling'], 'invalid_cron']],
  },
  {
    name: 'cron day that never comes',
    breakIt: (p) => void (p.schedules.registrationExpiry = '0 0 30 FEB *'),
    expected: [[['schedules', 'registrationExpiry'], 'invalid_cron']],
  },
  {
    name: 'cron list naming a value twice',
    breakIt: (p) => void (p.schedules.offerRecycling = '0-30/10,20 * * * *'),
    expected: [[['schedules', 'offerRecycling'], 'invalid_cron']],
  },
  {
    name: 'cron macro instead of five fields',
    breakIt: (p) => void (p.schedules.registrationExpiry = '@daily'),
    expected: [[['schedules', 'registrationExpiry'], 'invalid_cron']],
  },
  {
    name: 'schedule that is not text',
    breakIt: (p) => void (p.schedules.tierEvaluation = 2),
    expected: [[['schedules', 'tierEvaluation'], 'invalid_type']],
  },
  {
    name: 'schedule for a job that does not exist',
    breakIt: (p) => void (p.schedules.leadRouting = '*/5 * * * *'),
    expected: [[['schedules', 'leadRouting'], 'unknown_field']],
  },
];

function issuesOf(testCase: MalformedCase) {
  const program = demoProgramInput();
  const replaced = testCase.breakIt(program);
  const result = parseProgram(replaced === undefined ? program : replaced);
  if (result.success) throw new Error(`"${testCase.name}" was accepted`);
  return result.issues;
}

describe('parseProgram rejects malformed programs', () => {
  it('has many distinct cases', () => {
    expect(new Set(cases.map((testCase) => testCase.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', (testCase) => {
    const issues = issuesOf(testCase);

    expect(issues.map((found): [IssuePath, string] => [found.path, found.code])).toEqual(testCase.expected);
  });

  it('explains each problem in a sentence naming the field', () => {
    const messages = Object.fromEntries(
      cases.map((testCase) => [testCase.name, issuesOf(testCase).map((found) => found.message)]),
    );

    expect(messages).toMatchInlineSnapshot(`
{
  ""possible" threshold above "same"": [
    "The "possible" match threshold (0.95) must be lower than the "same" threshold (0.9): scores between the two need review.",
  ],
  "a nested empty "all" group": [
    "Tier "Gold" has an empty "all" group, which always holds: remove it or give it conditions.",
  ],
  "a tier above the entry tier open to all": [
    "Tier "Silver" has no criteria, so every partner would qualify: only the entry tier (the lowest rank) may be open to all.",
  ],
  "accrual fund without its accrual terms": [
    "mdf.fundTypes[1].accrual is required.",
  ],
  "activity asking for an unknown proof": [
    "mdf.activities[0].proofKindIds[2] names the proof kind "selfie", which the program does not define: use "invoice", "attendee-list", "photos", "performance-report", "lead-list" or "tear-sheet".",
  ],
  "activity reimbursed at 0 %": [
    "mdf.activities[4].reimbursementPercent must be more than 0.",
  ],
  "an empty "any" group": [
    "tiers[2].criteria.conditions[2].conditions must have at least 1 item, but it has 0.",
  ],
  "approval levels out of order": [
    "Level "Regional channel director" goes up to 4,000.00 USD, not above the previous level's 5,000.00 USD: list levels from the smallest amount to the largest.",
  ],
  "best-score weight above 1": [
    "routing.selection.weights.performance must be at most 1, but it is 2.",
  ],
  "blank program name": [
    "name must not be blank.",
  ],
  "business hours at 25 o'clock": [
    "routing.offers.businessHours.start must be a time of day written HH:MM, such as 09:00.",
  ],
  "business hours ending before they start": [
    "Business hours end at 07:00, not after they start at 08:00.",
  ],
  "business-hour SLA without business hours": [
    "The SLA counts business hours, so the business hours (days, start and end) are required.",
  ],
  "capacity caps for an unknown tier": [
    "routing.capacity.perTier[0].tierId names the tier "bronze", which the program does not define: use "registered", "silver", "gold" or "platinum".",
  ],
  "capacity caps of zero": [
    "routing.capacity.perPartner.month must be at least 1, but it is 0.",
  ],
  "certification required for a product that cannot be registered": [
    "Product "hardware" needs a certification but is not among the eligible products, so no registration could use it: add it to eligibleProducts or remove the requirement.",
  ],
  "claims due on the day of the activity": [
    "mdf.claimDeadlineDays must be at least 1, but it is 0.",
  ],
  "criterion without a window": [
    "tiers[1].criteria.conditions[0].window is required.",
  ],
  "cron day that never comes": [
    "schedules.registrationExpiry never runs: February has no day 30.",
  ],
  "cron day-of-week range running backwards": [
    "schedules.tierEvaluation has the range FRI-MON in its day of the week field, which runs backwards: write the smaller value first, or wrap around with a list such as 5-6,0-1.",
  ],
  "cron expression with a sixth field for seconds": [
    "schedules.offerRecycling must have five fields (minute, hour, day of the month, month, day of the week), such as "*/10 * * * *", but it has 6.",
  ],
  "cron hour that is not a number": [
    "schedules.tierEvaluation has "two" as its hour, which is not a number from 0 to 23, a range such as 1-5, a list such as 1,15, a step such as */10 or "*".",
  ],
  "cron list naming a value twice": [
    "schedules.offerRecycling names 20 twice in the list "0-30/10,20" of its minute field: list each value once.",
  ],
  "cron list with an empty item": [
    "schedules.offerRecycling has an empty item in the list "0,,30" of its minute field.",
  ],
  "cron macro instead of five fields": [
    "schedules.registrationExpiry must have five fields (minute, hour, day of the month, month, day of the week), such as "*/10 * * * *", but it has 1.",
  ],
  "cron minute out of range": [
    "schedules.registrationExpiry has 75 as its minute, but minutes go from 0 to 59.",
  ],
  "cron month by an unknown name": [
    "schedules.accrualPosting has "JANUARY" as its month, which is not a month number (1 to 12), a month name (JAN to DEC), a range such as 1-5, a list such as 1,15, a step such as */10 or "*".",
  ],
  "cron step of zero": [
    "schedules.offerRecycling has a step of 0 in its minute field: a step must be at least 1.",
  ],
  "currency not ISO 4217": [
    "currency is not an ISO 4217 currency code in circulation.",
  ],
  "currency not in capitals": [
    "currency must be a three-letter ISO 4217 currency code in capitals, such as USD.",
  ],
  "custom attribution where nothing weighs": [
    "Every touch kind weighs 0, so no touch would earn credit: give at least one kind a positive weight.",
  ],
  "customer satisfaction above 100": [
    "tiers[3].criteria.conditions[3].atLeast must be at most 100, but it is 101.",
  ],
  "daily cap above the weekly cap": [
    "In routing.capacity.perPartner, the week cap (60) is lower than the day cap (100): a longer period must allow at least as many leads.",
  ],
  "discount above 100 %": [
    "tiers[2].benefits.discountPercent must be at most 100, but it is 120.",
  ],
  "discount with three decimals": [
    "tiers[2].benefits.discountPercent must have at most two decimals, but it is 22.555.",
  ],
  "distance widening to less than it starts with": [
    "Step "Within reach of the lead" widens up to 25 km, less than its initial radius of 50 km.",
  ],
  "eligible products neither "all" nor a list": [
    "registration.eligibleProducts must be "all" or a non-empty list of product codes.",
  ],
  "empty list of eligible products": [
    "registration.eligibleProducts must have at least 1 item, but it has 0.",
  ],
  "fiscal year starting in month 13": [
    "fiscalCalendar.firstMonth must be at most 12, but it is 13.",
  ],
  "fractional routing weight": [
    "tiers[1].benefits.routingWeight must be a whole number, but it is 2.5.",
  ],
  "fund type paying for an unknown activity": [
    "mdf.fundTypes[0].eligibleActivityIds[1] names the activity "booth", which the program does not define: use "event", "webinar", "digital-campaign", "content-syndication", "print-advertising" or "training".",
  ],
  "grace period beyond three years of quarters": [
    "tierPolicy.gracePeriods must be at most 12, but it is 13.",
  ],
  "higher tier asks for fewer certifications": [
    "Tier "Platinum" asks for at least 2 unexpired certifications of type "sales-professional", less than the 3 that the lower tier "Gold" asks for: a higher tier must ask at least as much.",
  ],
  "higher tier asks for less revenue": [
    "Tier "Gold" asks for at least 50,000.00 USD of partner-sourced won revenue over the last 12 months, less than the 100,000.00 USD that the lower tier "Silver" asks for: a higher tier must ask at least as much.",
  ],
  "influence activities sourcing deals": [
    "analytics.attribution.sourcedBy[2] must be one of "sourced", "registered" or "co_sell", but it is "influence_activity".",
  ],
  "last approval level with a bound": [
    "The last approval level, "VP of partnerships", must have no upper bound (upTo: null) so that every amount has an approver.",
  ],
  "match threshold of zero": [
    "registration.conflicts.matchThresholds.possible must be more than 0, but it is 0.",
  ],
  "milestone due before onboarding starts": [
    "lifecycle.onboarding.milestones[0].dueDays must be at least 0, but it is -1.",
  ],
  "minimum amount in another currency": [
    "The minimum deal amount is in GBP, but the program's currency is USD: state it in USD.",
  ],
  "minimum amount with a fraction of a cent": [
    "registration.minimumAmount.amount must be a whole number, but it is 10.5.",
  ],
  "minimum tier step naming an unknown tier": [
    "routing.steps[9].tierId names the tier "bronze", which the program does not define: use "registered", "silver", "gold" or "platinum".",
  ],
  "missing benefits": [
    "tiers[1].benefits is required.",
  ],
  "missing currency": [
    "currency is required.",
  ],
  "misspelled required field": [
    "registration.requiredFields[0] must be one of "customerName", "customerDomain", "customerCountry", "customerSubdivision", "customerPostalCode", "contactName", "contactEmail", "contactPhone", "amount", "expectedCloseDate", "products" or "description", but it is "customerNmae".",
  ],
  "misspelled top-level field": [
    "tier is not a field Conduit knows in this place; check its spelling or remove it.",
  ],
  "negative revenue threshold": [
    "tiers[1].criteria.conditions[0].atLeast.amount must be at least 0, but it is -1.",
  ],
  "no routing steps": [
    "routing.steps must have at least 1 item, but it has 0.",
  ],
  "no tiers": [
    "tiers must have at least 1 item, but it has 0.",
  ],
  "not an object": [
    "The program must be an object ({ … }), but it is "program".",
  ],
  "one alias for two companies": [
    ""ibm" is already listed in registration.companyAliases[0]: a name may belong to only one company.",
  ],
  "position-based shares not adding up to 100 %": [
    "The position-based shares add up to 110 % (first 40, middle 30, last 40): they must add up to 100 %.",
  ],
  "protection of zero days": [
    "registration.protectionDays must be at least 1, but it is 0.",
  ],
  "registration cap of zero": [
    "tiers[1].benefits.registrationCap must be at least 1, but it is 0.",
  ],
  "registration review SLA of zero hours": [
    "analytics.registrationReviewSlaHours must be more than 0, but it is 0.",
  ],
  "required field listed twice": [
    "registration.requiredFields[7] repeats "amount", which is already in the list.",
  ],
  "restricted territories without the country among the required fields": [
    "requiredFields must include "customerCountry" because territories are restricted: a registration without it would escape the check.",
  ],
  "revenue threshold in another currency": [
    "Tier "Silver" states won revenue in EUR, but the program's currency is USD: state thresholds in USD.",
  ],
  "routing step of an unknown kind": [
    "routing.steps[5].kind must be one of "partner_status", "territory", "postal_prefix", "distance", "industry", "language", "specialization", "minimum_tier" or "certification", but it is "vertical".",
  ],
  "schedule for a job that does not exist": [
    "schedules.leadRouting is not a field Conduit knows in this place; check its spelling or remove it.",
  ],
  "schedule that is not text": [
    "schedules.tierEvaluation must be text, but it is 2.",
  ],
  "schema version from the future": [
    "schemaVersion must be 1, but it is 2.",
  ],
  "specialization open to all": [
    "Specialization "Security" has no criteria, so every partner would qualify: only the entry tier (the lowest rank) may be open to all.",
  ],
  "specialization reserved to a tier that does not exist": [
    "specializations[0].minimumTierId names the tier "diamond", which the program does not define: use "registered", "silver", "gold" or "platinum".",
  ],
  "specialization step naming an unknown specialization": [
    "routing.steps[6].specializationIds[1] names the specialization "iot", which the program does not define: use "cloud-migration", "security" or "data-analytics".",
  ],
  "territory step without what to match": [
    "routing.steps[1].match is required: either "country" or "subdivision".",
  ],
  "territory that is not an ISO 3166 code": [
    "registration.eligibleTerritories[0] must be an ISO 3166 country (such as FR) or subdivision (such as FR-IDF) code.",
  ],
  "the program currency listed as an additional one": [
    "USD is the program's own currency; list only the other currencies requests may use.",
  ],
  "tier caps that cap nothing": [
    "routing.capacity.perTier[1] caps no period: give it a day, week, month or quarter cap, or remove it.",
  ],
  "tier id with spaces": [
    "tiers[2].id must start with a lowercase letter and hold only lowercase letters, digits, "-" or "_" (at most 63 characters).",
  ],
  "tiers listed out of rank order": [
    "Tier "Silver" (rank 2) comes after tier "Gold" (rank 3): list tiers from the lowest rank to the highest.",
  ],
  "time decay without a half-life": [
    "analytics.attribution.model.halfLifeDays is required.",
  ],
  "trailing window of zero months": [
    "tiers[1].criteria.conditions[0].window.months must be at least 1, but it is 0.",
  ],
  "two onboarding milestones with one id": [
    "The milestone id "agreement" is already used by lifecycle.onboarding.milestones[0]: each milestone needs its own id.",
  ],
  "two routing steps with one id": [
    "The routing step id "industry" is already used by routing.steps[5]: each routing step needs its own id.",
  ],
  "two specializations with one id": [
    "The specialization id "security" is already used by specializations[1]: each specialization needs its own id.",
  ],
  "two tiers with one id": [
    "The tier id "silver" is already used by tiers[1]: each tier needs its own id.",
  ],
  "two tiers with one rank": [
    "Tier "Gold" has rank 2, which tier "Silver" already has: each tier needs its own rank.",
  ],
  "unbounded approval level before the last": [
    "Level "Channel manager" has no upper bound, so it must be the last level.",
  ],
  "unknown activation mode": [
    "lifecycle.onboarding.activation must be either "automatic" or "manual", but it is "eventually".",
  ],
  "unknown attribution model": [
    "analytics.attribution.model.kind must be one of "first_touch", "last_touch", "linear", "time_decay", "position_based" or "custom", but it is "w_shaped".",
  ],
  "unknown criterion kind": [
    "tiers[1].criteria.conditions[1].kind must be one of "all", "any", "won_revenue", "approved_registrations", "closed_won_deals", "certifications", "customer_satisfaction" or "custom_metric", but it is "certificates".",
  ],
  "unknown downgrade step": [
    "tierPolicy.downgrades.step must be either "one_rank" or "to_qualifying", but it is "two_ranks".",
  ],
  "unknown precedence rule": [
    "registration.conflicts.precedence must be one of "first_registered", "highest_tier" or "manual_review", but it is "largest_deal".",
  ],
  "unknown selection strategy": [
    "routing.selection.kind must be one of "weighted_round_robin", "least_loaded", "best_score", "nearest" or "weighted_random", but it is "random".",
  ],
  "unknown time zone": [
    "fiscalCalendar.timeZone must be an IANA time zone name, such as America/New_York or Europe/Paris.",
  ],
  "zero offer attempts": [
    "routing.offers.maxAttempts must be at least 1, but it is 0.",
  ],
}
`);
  });
});
