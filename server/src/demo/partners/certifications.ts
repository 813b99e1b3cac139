import { fromDayNumber, type Certification } from '@conduit/core';
import type { DemoRandom } from '../random.js';

/** How long a demo certification stays valid. */
const VALID_DAYS = 730;

/** The certification types of the demo program and the products they can be held for. */
export const CERTIFICATION_TYPES = {
  sales: 'sales-professional',
  technical: 'technical-specialist',
  cloud: 'cloud-architect',
  security: 'security-engineer',
} as const;

/** How many certifications of each kind a partner holds, valid today. */
export interface CertificationPlan {
  sales: number;
  technical: number;
  /** Technical certifications held for the analytics product (counted apart from `technical`). */
  insights: number;
  cloud: number;
  security: number;
  /** Certifications that lapsed without renewal. */
  lapsed: number;
}

/**
 * A partner's certifications: those of the plan valid on `today` (earned within the last 700 days,
 * valid for two years; a few granted without expiry), and `lapsed` ones that expired before today.
 */
export function certificationsOf(
  plan: CertificationPlan,
  today: number,
  random: DemoRandom,
  insightsProduct: string | undefined,
): Certification[] {
  const certifications: Certification[] = [];
  const valid = (type: string, product?: string): void => {
    const earned = today - random.int(5, 700);
    certifications.push({
      type,
      ...(product === undefined ? {} : { product }),
      earnedOn: fromDayNumber(earned),
      expiresOn: random.chance(0.04) ? null : fromDayNumber(earned + VALID_DAYS),
    });
  };
  for (let count = 0; count < plan.sales; count++) valid(CERTIFICATION_TYPES.sales);
  for (let count = 0; count < plan.technical; count++) valid(CERTIFICATION_TYPES.technical);
  for (let count = 0; count < plan.insights; count++) valid(CERTIFICATION_TYPES.technical, insightsProduct);
  for (let count = 0; count < plan.cloud; count++) valid(CERTIFICATION_TYPES.cloud);
  for (let count = 0; count < plan.security; count++) valid(CERTIFICATION_TYPES.security);
  for (let count = 0; count < plan.lapsed; count++) {
    const earned = today - random.int(VALID_DAYS + 20, VALID_DAYS + 400);
    certifications.push({
      type: random.pick([CERTIFICATION_TYPES.sales, CERTIFICATION_TYPES.technical, CERTIFICATION_TYPES.cloud]),
      earnedOn: fromDayNumber(earned),
      expiresOn: fromDayNumber(earned + VALID_DAYS),
    });
  }
  return certifications.sort((a, b) => (a.earnedOn < b.earnedOn ? -1 : a.earnedOn > b.earnedOn ? 1 : 0));
}

/**
 * The certifications a partner of a tier position (0 = lowest) holds, given its specializations: at least
 * one sales professional (what routing asks of a partner before offering it a lead), enough to meet the
 * demo program's tier criteria (one for Silver, three for Gold, six and two technical specialists for
 * Platinum) and the specializations' (two cloud architects for Cloud Migration, a security engineer for
 * Security, two analytics specialists for Data & Analytics), with some spread. Partners without a tier
 * (applicants) hold at most one.
 */
export function certificationPlan(
  position: number | null,
  specializations: ReadonlySet<string>,
  random: DemoRandom,
): CertificationPlan {
  const ranges: readonly [number, number][] = [
    [1, 2],
    [1, 3],
    [3, 6],
    [6, 10],
  ];
  const technical: readonly [number, number][] = [
    [0, 0],
    [0, 1],
    [1, 2],
    [2, 4],
  ];
  const at = position === null ? null : Math.min(position, 3);
  const [salesLow, salesHigh] = at === null ? [0, 1] : ranges[at]!;
  const [techLow, techHigh] = at === null ? [0, 0] : technical[at]!;
  return {
    sales: random.int(salesLow, salesHigh),
    technical: random.int(techLow, techHigh),
    insights: specializations.has('data-analytics') ? random.int(2, 3) : 0,
    cloud: specializations.has('cloud-migration') ? random.int(2, 3) : random.chance(0.25) ? 1 : 0,
    security: specializations.has('security') ? random.int(1, 2) : random.chance(0.15) ? 1 : 0,
    lapsed: random.chance(0.3) ? random.int(1, 2) : 0,
  };
}
