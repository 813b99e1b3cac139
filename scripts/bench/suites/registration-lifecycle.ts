/** Deal registration: the lifecycle transition and the submission policy checks on a seeded workload. */
import {
  checkRegistrationPolicy,
  transitionRegistration,
  type Partner,
  type Registration,
  type RegistrationEvent,
} from '@conduit/core';
import { seededRandom } from '../../eval/seeded-random.js';
import { demoProgram } from '../data/demo-program.js';
import { measure } from '../measure.js';
import type { BenchmarkSuite } from '../suite.js';

const COUNT = 10_000;
const PRODUCTS = ['platform', 'insights', 'secure-edge', 'migration-services', 'hardware'];
const COUNTRIES = ['US', 'CA', 'DE', 'FR', 'JP', 'GB'];

function workload(random: () => number): { drafts: Registration[]; partners: Partner[] } {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const drafts: Registration[] = [];
  const partners: Partner[] = [];
  for (let index = 0; index < COUNT; index += 1) {
    const partnerId = `p-${index % 500}`;
    drafts.push({
      id: `reg-${index}`,
      partnerId,
      status: 'draft',
      details: {
        customer: { name: `Customer ${index}`, country: pick(COUNTRIES) },
        contact: { name: 'Jane Doe', email: 'jane@example.com' },
        amount: { amount: Math.floor(random() * 5_000_000), currency: 'USD' },
        expectedCloseDate: '2027-03-31',
        products: [pick(PRODUCTS), pick(PRODUCTS)],
      },
      opportunityId: random() < 0.5 ? `opp-${index}` : null,
      createdAt: '2026-11-01T14:00:00.000Z',
      version: 1,
    });
    if (index < 500) {
      partners.push({
        id: partnerId,
        name: `Partner ${index}`,
        status: random() < 0.9 ? 'active' : 'onboarding',
        tierId: pick(['registered', 'silver', 'gold', 'platinum']),
        specializationIds: [],
        coverage: { countries: [], subdivisions: [], postalPrefixes: [] },
        industries: [],
        languages: ['en'],
        certifications:
          random() < 0.5 ? [{ type: 'security-engineer', earnedOn: '2025-01-01', expiresOn: '2027-12-31' }] : [],
        version: 1,
      });
    }
  }
  return { drafts, partners };
}

/** The lifecycle of one registration: submitted, reviewed, approved, extended once, expired. */
function lifecycleOf(
  draft: Registration,
  program: Parameters<typeof transitionRegistration>[2]['program'],
): Registration {
  const steps: [RegistrationEvent, string][] = [
    [
      { type: 'submit', conflict: { verdict: 'clear', checkedAt: '2026-11-02T15:00:00.000Z', matches: 0 } },
      '2026-11-02T15:00:00Z',
    ],
    [{ type: 'start_review', reviewerId: 'cm-1' }, '2026-11-03T15:00:00Z'],
    [{ type: 'approve', by: 'cm-1' }, '2026-11-24T15:00:00Z'],
    [{ type: 'request_extension', reason: 'Board meeting moved.' }, '2027-02-10T15:00:00Z'],
    [{ type: 'grant_extension', by: 'cm-1' }, '2027-02-11T15:00:00Z'],
    [{ type: 'expire' }, '2027-03-24T15:00:00Z'],
  ];
  let registration = draft;
  for (const [event, at] of steps) {
    const result = transitionRegistration(registration, event, { program, now: new Date(at) });
    if (!result.success) throw new Error(`${event.type}: ${JSON.stringify(result.issues)}`);
    registration = result.data.next;
  }
  return registration;
}

export const suite: BenchmarkSuite = {
  name: 'registration lifecycle',
  async run(log) {
    const program = demoProgram();
    const { drafts, partners } = workload(seededRandom(20261124));
    const partnerOf = new Map(partners.map((partner) => [partner.id, partner]));
    log(`walking ${COUNT} registrations through 6 transitions…`);
    const lifecycle = measure(
      () => {
        for (const draft of drafts) lifecycleOf(draft, program);
      },
      { minTimeMs: 3000, minRuns: 5, warmupRuns: 1 },
    );
    log(`checking the policy of ${COUNT} registrations…`);
    let passed = 0;
    const policy = measure(
      () => {
        passed = 0;
        for (const draft of drafts) {
          const verdict = checkRegistrationPolicy({
            registration: draft,
            program,
            partner: partnerOf.get(draft.partnerId)!,
            openRegistrations: 3,
            today: '2026-11-24',
          });
          if (verdict.passed) passed += 1;
        }
      },
      { minTimeMs: 3000, minRuns: 5, warmupRuns: 1 },
    );
    log(`${passed} of ${COUNT} registrations pass the policy`);
    let next = 0;
    const oneLifecycle = measure(() => lifecycleOf(drafts[next++ % COUNT]!, program), { minTimeMs: 1500 });
    const onePolicy = measure(
      () => {
        const draft = drafts[next++ % COUNT]!;
        return checkRegistrationPolicy({
          registration: draft,
          program,
          partner: partnerOf.get(draft.partnerId)!,
          openRegistrations: 3,
          today: '2026-11-24',
        });
      },
      { minTimeMs: 1500 },
    );
    return [
      {
        name: 'transitionRegistration (10,000 six-step lifecycles)',
        value: (COUNT * 6 * 1000) / (lifecycle.totalMs / lifecycle.runs),
        unit: 'transitions/s',
      },
      { name: 'one six-step lifecycle p95', value: oneLifecycle.p95Ms, unit: 'ms' },
      {
        name: 'checkRegistrationPolicy (10,000 registrations)',
        value: (COUNT * 1000) / (policy.totalMs / policy.runs),
        unit: 'checks/s',
      },
      { name: 'one policy check p95', value: onePolicy.p95Ms, unit: 'ms' },
    ];
  },
};
