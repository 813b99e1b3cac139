import fc from 'fast-check';
import type { Money } from '../../money/money.js';
import type { MdfRequest } from '../requests/request.js';
import { demoProgram, eur, lostDeal, openDeal, partner, testRates, usd, wonDeal } from '../test-support/fixtures.js';
import { formatRoiRatio, roiRatio } from './ratio.js';
import { computeMdfRoi } from './roi.js';

const program = demoProgram();

type Shape = {
  id: string;
  partnerId: string;
  activityId: string;
  startDate: string;
  status: 'approved' | 'closed' | 'lapsed' | 'submitted';
};

function request(
  shape: Shape,
  links: { leadIds: string[]; dealIds: string[] },
  expected: { leads: number; pipeline: Money },
): MdfRequest {
  const base = {
    id: shape.id,
    title: `Request ${shape.id}`,
    partnerId: shape.partnerId,
    allocationId: `budget-1:${shape.partnerId}`,
    fundTypeId: 'proposal-mdf',
    activityId: shape.activityId,
    startDate: shape.startDate,
    endDate: shape.startDate,
    requestedAmount: usd(1_000_000),
    partnerContribution: usd(500_000),
    expected,
    links: { campaignIds: [], ...links },
    terms: { reimbursementBasisPoints: 5000, proofKindIds: ['invoice'], claimDeadline: '2027-03-01' },
    submittedBy: 'u',
    submittedAt: '2026-08-01T10:00:00Z',
    version: 3,
  };
  const approval = {
    approvedBy: 'dana',
    approvedAt: '2026-08-02T10:00:00Z',
    levelName: 'Channel manager',
    kind: 'full' as const,
  };
  const commitment = { funds: usd(500_000), ledgerAmount: usd(500_000), exchangeRate: null };
  const claims = { pending: usd(0), approved: usd(0), approvedLedger: usd(0) };
  switch (shape.status) {
    case 'submitted':
      return { ...base, status: 'submitted' };
    case 'approved':
      return { ...base, status: 'approved', amount: usd(1_000_000), approval, commitment, claims };
    case 'closed':
      return {
        ...base,
        status: 'closed',
        closedAt: '2027-01-01T10:00:00Z',
        closedBy: 'dana',
        amount: usd(1_000_000),
        approval,
        commitment,
        claims,
        released: usd(0),
      };
    case 'lapsed':
      return {
        ...base,
        status: 'lapsed',
        lapsedAt: '2027-03-02T10:00:00Z',
        amount: usd(1_000_000),
        approval,
        commitment,
        released: usd(500_000),
      };
  }
}

/*
 * The hand-computed fixture. Fiscal quarters of the demo program: FY2027 Q3 = Aug–Oct 2026, Q4 = Nov 2026–Jan 2027.
 *
 * requests (partner, activity, start → quarter, status)         paid       links
 *   r-1  gold Northwind, webinar, 2026-09-15 → Q3, closed        5,000.00   deals d-1 d-2 d-3, leads l-1 l-2 l-3
 *   r-2  gold Northwind, event,   2026-12-10 → Q4, approved      1,000.00   deals d-3 d-4,     leads l-3 l-4
 *   r-3  silver Contoso, webinar, 2026-12-01 → Q4, lapsed            0.00   deal d-5
 *   r-4  silver Contoso, event,   submitted: never approved, left out      deal d-6
 *   r-5  silver Contoso, event,   2026-10-05 → Q3, closed        2,000.00   deals d-7 (Northwind's: left out) d-8
 *
 * deals: d-1 Northwind sourced won 40,000.00; d-2 Northwind sourced open 10,000.00; d-3 Northwind influenced
 * won 30,000.01, linked to r-1 and r-2, split 15,000.01 (r-1, the earlier, takes the odd cent) and
 * 15,000.00; d-4 Northwind sourced lost 5,000.01; d-5 Contoso sourced won 8,000.00; d-8 Contoso sourced won
 * €10,000.00 = $10,845.00 (at 1.0845).
 *
 * per request (cents)     paid      sourced pipeline                     won revenue
 *   r-1                500,000   4,000,000 + 1,000,000 = 5,000,000    4,000,000 + 1,500,001 = 5,500,001
 *   r-2                100,000   500,001                              1,500,000
 *   r-3                      0   800,000                              800,000
 *   r-5                200,000   1,084,500                            1,084,500
 *
 * total: paid 800,000; pipeline 7,384,501; won 8,884,501; 4 distinct leads; expected leads 40+20+10+15 = 85;
 * expected pipeline 20,000,000 + 5,000,000 + 2,000,000 + €10,000.00 → 1,084,500 = 28,084,500.
 *   pipeline per MDF 7,384,501 / 800,000 ≈ 9.23; revenue per MDF 8,884,501 / 800,000 ≈ 11.11;
 *   return on partner investment (8,884,501 − 800,000) / 800,000 = 8,084,501 / 800,000 ≈ 10.11.
 * Northwind (gold; r-1, r-2): paid 600,000; pipeline 5,500,001; won 7,000,001; ROPI 6,400,001 / 600,000.
 * Contoso (silver; r-3, r-5): paid 200,000; pipeline = won = 1,884,500 → 1,884,500 / 200,000 = 3,769 / 400
 *   (9.4225); ROPI 1,684,500 / 200,000 = 3,369 / 400.
 * event (r-2, r-5): paid 300,000; pipeline 1,584,501 / 300,000 = 528,167 / 100,000; won 2,584,500 / 300,000 =
 *   1,723 / 200 (8.615); ROPI 2,284,500 / 300,000 = 1,523 / 200 (7.615).
 * webinar (r-1, r-3): paid 500,000; pipeline 5,800,000 / 500,000 = 58 / 5; won 6,300,001 / 500,000;
 *   ROPI 5,800,001 / 500,000.
 * FY2027 Q3 (r-1, r-5): paid 700,000; pipeline 6,084,500 / 700,000 = 12,169 / 1,400; won 6,584,501 / 700,000.
 * FY2027 Q4 (r-2, r-3): paid 100,000; pipeline 1,300,001 / 100,000; won 2,300,000 / 100,000 = 23; ROPI 22.
 */
const requests = [
  request(
    { id: 'r-1', partnerId: 'p-gold', activityId: 'webinar', startDate: '2026-09-15', status: 'closed' },
    { leadIds: ['l-1', 'l-2', 'l-3'], dealIds: ['d-1', 'd-2', 'd-3'] },
    { leads: 40, pipeline: usd(20_000_000) },
  ),
  request(
    { id: 'r-2', partnerId: 'p-gold', activityId: 'event', startDate: '2026-12-10', status: 'approved' },
    { leadIds: ['l-3', 'l-4'], dealIds: ['d-3', 'd-4'] },
    { leads: 20, pipeline: usd(5_000_000) },
  ),
  request(
    { id: 'r-3', partnerId: 'p-silver', activityId: 'webinar', startDate: '2026-12-01', status: 'lapsed' },
    { leadIds: [], dealIds: ['d-5'] },
    { leads: 10, pipeline: usd(2_000_000) },
  ),
  request(
    { id: 'r-4', partnerId: 'p-silver', activityId: 'event', startDate: '2026-12-05', status: 'submitted' },
    { leadIds: ['l-9'], dealIds: ['d-6'] },
    { leads: 99, pipeline: usd(9_900_000) },
  ),
  request(
    { id: 'r-5', partnerId: 'p-silver', activityId: 'event', startDate: '2026-10-05', status: 'closed' },
    { leadIds: [], dealIds: ['d-7', 'd-8'] },
    { leads: 15, pipeline: eur(1_000_000) },
  ),
];
const deals = [
  wonDeal('d-1', 'p-gold', usd(4_000_000), '2026-10-01'),
  openDeal('d-2', 'p-gold', usd(1_000_000)),
  wonDeal('d-3', 'p-gold', usd(3_000_001), '2026-12-20', 'influenced'),
  lostDeal('d-4', 'p-gold', usd(500_001), '2027-01-10'),
  wonDeal('d-5', 'p-silver', usd(800_000), '2027-01-05'),
  wonDeal('d-6', 'p-silver', usd(9_999_900), '2027-01-05'),
  wonDeal('d-7', 'p-gold', usd(7_000_000), '2026-11-05'),
  wonDeal('d-8', 'p-silver', eur(1_000_000), '2026-11-20'),
];
const payments = [
  { requestId: 'r-1', amount: usd(300_000) },
  { requestId: 'r-1', amount: usd(200_000) },
  { requestId: 'r-2', amount: usd(100_000) },
  { requestId: 'r-5', amount: usd(200_000) },
];
const partners = [partner('p-gold', 'gold', { name: 'Northwind' }), partner('p-silver', 'silver', { name: 'Contoso' })];

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('MDF ROI', () => {
  const report = computeMdfRoi({
    program,
    requests,
    payments,
    deals,
    partners,
    periodUnit: 'quarter',
    rates: testRates,
  });
  if (!report.success) throw new Error(JSON.stringify(report.issues));
  const { total, byPartner, byTier, byActivity, byPeriod } = report.data;

  it('matches the hand-computed totals', () => {
    expect(total).toEqual({
      key: 'all',
      label: 'All MDF',
      requests: 4,
      expectedLeads: 85,
      leads: 4,
      expectedPipeline: usd(28_084_500),
      mdfPaid: usd(800_000),
      sourcedPipeline: usd(7_384_501),
      wonRevenue: usd(8_884_501),
      pipelinePerMdf: ratio(7_384_501, 800_000),
      revenuePerMdf: ratio(8_884_501, 800_000),
      returnOnPartnerInvestment: ratio(8_084_501, 800_000),
    });
    expect(
      [total.pipelinePerMdf, total.revenuePerMdf, total.returnOnPartnerInvestment].map((value) =>
        formatRoiRatio(value!),
      ),
    ).toEqual(['9.23', '11.11', '10.11']);
  });

  it('matches the hand-computed figures per partner and per tier', () => {
    expect(
      byPartner.map((figures) => [
        figures.label,
        figures.mdfPaid.amount,
        figures.sourcedPipeline.amount,
        figures.wonRevenue.amount,
        figures.leads,
      ]),
    ).toEqual([
      ['Northwind', 600_000, 5_500_001, 7_000_001, 4],
      ['Contoso', 200_000, 1_884_500, 1_884_500, 0],
    ]);
    expect(byPartner[1]).toMatchObject({
      pipelinePerMdf: ratio(3_769, 400),
      returnOnPartnerInvestment: ratio(3_369, 400),
    });
    expect(byPartner[0]!.returnOnPartnerInvestment).toEqual(ratio(6_400_001, 600_000));
    expect(byTier.map((figures) => [figures.label, figures.mdfPaid.amount, figures.wonRevenue.amount])).toEqual([
      ['Silver', 200_000, 1_884_500],
      ['Gold', 600_000, 7_000_001],
    ]);
  });

  it('matches the hand-computed figures per activity type', () => {
    expect(byActivity.map((figures) => [figures.key, figures.requests, figures.mdfPaid.amount, figures.leads])).toEqual(
      [
        ['event', 2, 300_000, 2],
        ['webinar', 2, 500_000, 3],
      ],
    );
    expect(byActivity[0]).toMatchObject({
      label: 'Event or trade show',
      pipelinePerMdf: ratio(528_167, 100_000),
      revenuePerMdf: ratio(1_723, 200),
      returnOnPartnerInvestment: ratio(1_523, 200),
    });
    expect(byActivity[1]).toMatchObject({
      pipelinePerMdf: ratio(58, 5),
      revenuePerMdf: ratio(6_300_001, 500_000),
      returnOnPartnerInvestment: ratio(5_800_001, 500_000),
    });
  });

  it('matches the hand-computed figures per fiscal period', () => {
    expect(
      byPeriod.map((figures) => [
        figures.label,
        figures.mdfPaid.amount,
        figures.sourcedPipeline.amount,
        figures.wonRevenue.amount,
        figures.leads,
      ]),
    ).toEqual([
      ['FY2027 Q3', 700_000, 6_084_500, 6_584_501, 3],
      ['FY2027 Q4', 100_000, 1_300_001, 2_300_000, 2],
    ]);
    expect(byPeriod[0]!.pipelinePerMdf).toEqual(ratio(12_169, 1_400));
    expect(byPeriod[1]).toMatchObject({ revenuePerMdf: ratio(23, 1), returnOnPartnerInvestment: ratio(22, 1) });
  });

  it('has no ratio where nothing was paid, and reports a missing exchange rate', () => {
    const unpaid = computeMdfRoi({
      program,
      requests: requests.slice(2, 3),
      payments: [],
      deals,
      partners,
      periodUnit: 'quarter',
      rates: testRates,
    });
    expect(unpaid.success && [unpaid.data.total.pipelinePerMdf, unpaid.data.total.returnOnPartnerInvestment]).toEqual([
      null,
      null,
    ]);
    const noRates = computeMdfRoi({
      program,
      requests,
      payments,
      deals,
      partners,
      periodUnit: 'quarter',
      rates: { asOf: '2026-11-24', rates: [] },
    });
    expect(!noRates.success && noRates.issues.map((found) => [found.path, found.code])).toEqual([
      [['requests', 'r-5', 'expected', 'pipeline'], 'exchange_rate_missing'],
      [['deals', 'd-8', 'amount'], 'exchange_rate_missing'],
    ]);
  });

  it('counts every linked deal once in total, however many requests link it', () => {
    const totalWon = byPartner.reduce((sum, figures) => sum + figures.wonRevenue.amount, 0);
    expect(totalWon).toBe(total.wonRevenue.amount);
    expect(byActivity.reduce((sum, figures) => sum + figures.sourcedPipeline.amount, 0)).toBe(
      total.sourcedPipeline.amount,
    );
  });
});

describe('ROI ratios', () => {
  it('are exact, in lowest terms, and written half to even', () => {
    expect(roiRatio(1_884_500, 200_000)).toEqual(ratio(3_769, 400));
    expect(roiRatio(-5, 10)).toEqual(ratio(-1, 2));
    expect(roiRatio(0, 7)).toEqual(ratio(0, 1));
    expect(roiRatio(5, 0)).toBeNull();
    expect([
      formatRoiRatio(ratio(1, 8)),
      formatRoiRatio(ratio(3, 8)),
      formatRoiRatio(ratio(-1, 3), 4),
      formatRoiRatio(ratio(7, 2), 0),
    ]).toEqual(['0.12', '0.38', '-0.3333', '4']);
  });

  it('keep the value of the fraction they reduce', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (numerator, denominator) => {
          const reduced = roiRatio(numerator, denominator)!;
          expect(BigInt(reduced.numerator) * BigInt(denominator)).toBe(BigInt(numerator) * BigInt(reduced.denominator));
          expect(reduced.denominator).toBeGreaterThan(0);
        },
      ),
    );
  });
});
