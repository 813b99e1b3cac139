import {
  approveMdfRequest,
  closeMdfRequest,
  fileMdfClaim,
  findMdfActivity,
  findMdfFundType,
  fromDayNumber,
  lapseMdfRequest,
  linkMdfRequest,
  mdfApprovalLevelFor,
  reimbursableShare,
  reimbursementBasisPoints,
  rejectMdfRequest,
  resubmitMdfClaim,
  reviewMdfClaim,
  spendableBalance,
  submitMdfRequest,
  toDayNumber,
  withdrawMdfRequest,
  type MdfActivity,
  type MdfProof,
} from '@conduit/core';
import { nextWeekday } from '../demo-calendar.js';
import type { DemoPartner } from '../partners/partners.js';
import type { MdfSimulation } from './mdf-simulation.js';
import { MDF_TEXTS, proofDocumentName } from './mdf-texts.js';

/** How many days an activity of each kind runs (first and last day included). */
const DURATION_DAYS: Readonly<Record<string, readonly [number, number]>> = {
  event: [0, 2],
  webinar: [0, 0],
  'digital-campaign': [14, 45],
  'content-syndication': [30, 60],
  'print-advertising': [0, 30],
  training: [1, 4],
};

/** The partner's portal user, who submits requests and files claims. */
const portalUser = (partner: DemoPartner): string => `${partner.record.id}.portal`;
/** The partner's channel manager, who reviews claims and closes requests. */
const channelManager = (partner: DemoPartner): string => `cm-${partner.region.id}-1`;

/** One uploaded document per kind of proof. */
function proofsOf(sim: MdfSimulation, kindIds: readonly string[]): MdfProof[] {
  return kindIds.map((kindId) => {
    const number = sim.nextDocument();
    return { kindId, documentId: `doc-${String(number).padStart(5, '0')}`, name: proofDocumentName(kindId, number) };
  });
}

/**
 * A partner submits a fund request on its allocation (`submitMdfRequest`): an activity its fund type
 * allows, starting after the program's lead time and over by `activitiesEndBy`, asking MDF to fund a
 * `portion` of what the allocation can still commit (the partner pledging the rest of the spend), with
 * the leads and pipeline it expects. A manager decides on it within days; if nobody does, the nightly job
 * lapses it the day the activity starts.
 */
export async function submitRequest(
  sim: MdfSimulation,
  allocationId: string,
  activitiesEndBy: number,
  portion: number,
): Promise<void> {
  const { program, random } = sim;
  const allocation = await sim.store.allocations.get(allocationId);
  const partner = allocation && sim.partnersById.get(allocation.partnerId);
  if (!allocation || !partner) return;
  const activities = (findMdfFundType(program, allocation.fundTypeId)?.eligibleActivityIds ?? [])
    .map((id) => findMdfActivity(program, id))
    .filter((activity): activity is MdfActivity => activity !== undefined);
  if (activities.length === 0) return;
  const activity = random.pick(activities);
  const basisPoints = reimbursementBasisPoints(activity);
  const target = Math.floor(spendableBalance(allocation, fromDayNumber(sim.today)).amount * portion);
  const requested = Math.floor((target * 10_000) / basisPoints / 1_000) * 1_000;
  if (requested < 100_000) return;
  const currency = allocation.currency;
  const share = reimbursableShare({ amount: requested, currency }, basisPoints).amount;
  const [shortest, longest] = DURATION_DAYS[activity.id] ?? [0, 5];
  const startDay = nextWeekday(sim.today + program.mdf.leadTimeDays + random.int(1, 25));
  const endDay = Math.min(startDay + random.int(shortest, longest), activitiesEndBy);
  if (endDay < startDay) return;
  const outcome = await submitMdfRequest(sim.context, {
    title: random.pick(MDF_TEXTS.titles[activity.id] ?? [activity.name]),
    allocationId,
    activityId: activity.id,
    startDate: fromDayNumber(startDay),
    endDate: fromDayNumber(endDay),
    requestedAmount: { amount: requested, currency },
    partnerContribution: {
      amount: requested - share + (random.chance(0.3) ? random.int(1, 20) * 10_000 : 0),
      currency,
    },
    expected: { leads: random.int(15, 400), pipeline: { amount: requested * random.int(4, 15), currency } },
    links: { campaignIds: [], leadIds: [], dealIds: [] },
    submittedBy: portalUser(partner),
  });
  if (!sim.recorded(outcome, portalUser(partner))) return;
  const request = outcome.data.next;
  sim.onWorkday(sim.today + random.int(1, 8), () => decide(sim, request.id, partner), 10);
  sim.nightly(startDay, () => lapse(sim, request.id));
}

/**
 * A manager decides on a submitted request: most are approved in full, some in part, a few rejected or
 * withdrawn by the partner, and some left undecided (they lapse). The approver holds the role of the
 * approval level the committed funds fall in; an approval the allocation can no longer fund is rejected.
 */
async function decide(sim: MdfSimulation, requestId: string, partner: DemoPartner): Promise<void> {
  const { program, random } = sim;
  const request = await sim.store.requests.get(requestId);
  if (!request || request.status !== 'submitted') return;
  const draw = random.next();
  if (draw >= 0.91) return;
  const manager = channelManager(partner);
  if (draw >= 0.86) {
    sim.recorded(await withdrawMdfRequest(sim.context, { requestId }), portalUser(partner));
    return;
  }
  if (draw >= 0.77) {
    const reason = random.pick(MDF_TEXTS.requestRejections);
    sim.recorded(await rejectMdfRequest(sim.context, { requestId, decidedBy: manager, reason }), manager);
    return;
  }
  const requested = request.requestedAmount;
  const amount =
    draw >= 0.62
      ? { ...requested, amount: Math.floor((requested.amount * random.int(60, 90)) / 100_000) * 1_000 }
      : undefined;
  const funds = reimbursableShare(amount ?? requested, request.terms.reimbursementBasisPoints);
  const { level, index } = mdfApprovalLevelFor(program, funds);
  const top = index === program.mdf.approvalLevels.length - 1;
  const approver = {
    userId: top ? level.approverRole : `${level.approverRole}-${partner.region.id}`,
    roles: [level.approverRole],
  };
  const approved = await approveMdfRequest(sim.context, { requestId, approver, ...(amount ? { amount } : {}) });
  if (!sim.recorded(approved, approver.userId)) {
    const reason = MDF_TEXTS.noFundsLeft;
    sim.recorded(await rejectMdfRequest(sim.context, { requestId, decidedBy: manager, reason }), manager);
    return;
  }
  const next = approved.data.next;
  const endDay = toDayNumber(next.endDate);
  const deadline = toDayNumber(next.terms.claimDeadline);
  if (random.chance(0.88)) {
    const split = random.chance(0.15);
    const first = Math.min(endDay + random.int(3, 40), deadline);
    sim.onWorkday(first, () =>
      fileClaim(sim, requestId, partner, split ? random.int(35, 60) / 100 : random.int(55, 100) / 100),
    );
    if (split) sim.onWorkday(first + random.int(10, 30), () => fileClaim(sim, requestId, partner, 1));
  }
  sim.nightly(deadline + 1, () => lapse(sim, requestId));
}

/**
 * The partner files a claim after the activity (`fileMdfClaim`) for a `portion` of what the request may
 * still claim, with a proof of every kind its terms require; it often links the deals the activity
 * helped win first (`linkMdfRequest`), for ROI. A manager reviews the claim within days.
 */
async function fileClaim(sim: MdfSimulation, requestId: string, partner: DemoPartner, portion: number): Promise<void> {
  const { random } = sim;
  const request = await sim.store.requests.get(requestId);
  if (!request || request.status !== 'approved') return;
  const left = request.commitment.funds.amount - request.claims.approved.amount - request.claims.pending.amount;
  const amount = Math.min(left, Math.max(100, Math.floor((left * portion) / 100) * 100));
  if (amount <= 0) return;
  if (random.chance(0.6)) {
    const today = fromDayNumber(sim.today);
    const won = (sim.wonDealsByPartner.get(partner.record.id) ?? [])
      .filter((deal) => deal.stage === 'won' && deal.closedOn >= request.startDate && deal.closedOn <= today)
      .map((deal) => deal.id);
    if (won.length > 0) {
      const dealIds = random.sample(won, random.int(1, 3));
      sim.recorded(
        await linkMdfRequest(sim.context, { requestId, campaignIds: [], leadIds: [], dealIds }),
        portalUser(partner),
      );
    }
  }
  const filed = await fileMdfClaim(sim.context, {
    requestId,
    filedBy: portalUser(partner),
    amount: { amount, currency: request.commitment.funds.currency },
    proofs: proofsOf(sim, request.terms.proofKindIds),
  });
  if (!sim.recorded(filed, portalUser(partner))) return;
  const claimId = filed.data.next.id;
  sim.onWorkday(sim.today + random.int(2, 12), () => reviewClaim(sim, claimId, partner, 0), 11);
}

/**
 * A manager reviews a claim: mostly approves it (the request closes by itself once fully claimed, and a
 * manager sometimes closes a partly claimed one), now and then returns it for more proof (the partner
 * adds it and files again) or rejects it.
 */
async function reviewClaim(sim: MdfSimulation, claimId: string, partner: DemoPartner, round: number): Promise<void> {
  const { random } = sim;
  const claim = await sim.store.claims.get(claimId);
  if (!claim || claim.status !== 'submitted') return;
  const reviewedBy = channelManager(partner);
  const draw = random.next();
  if (draw < (round === 0 ? 0.78 : 0.85)) {
    const reviewed = await reviewMdfClaim(sim.context, {
      claimId,
      decision: { kind: 'approve', reviewedBy, note: null },
    });
    if (!sim.recorded(reviewed, reviewedBy)) return;
    const request = reviewed.data.request;
    if (request.status === 'approved' && request.claims.pending.amount === 0 && random.chance(0.25)) {
      sim.onWorkday(sim.today + random.int(5, 20), () => closeRequest(sim, request.id, reviewedBy));
    }
    return;
  }
  if (round === 0 && draw < 0.92) {
    const request = await sim.store.requests.get(claim.requestId);
    const missing = random.pick(request?.terms.proofKindIds ?? claim.proofs.map((proof) => proof.kindId));
    const decision = {
      kind: 'return' as const,
      reviewedBy,
      reason: random.pick(MDF_TEXTS.claimReturns),
      missingProofKindIds: [missing],
    };
    if (!sim.recorded(await reviewMdfClaim(sim.context, { claimId, decision }), reviewedBy)) return;
    sim.onWorkday(sim.today + random.int(3, 25), async () => {
      const resubmitted = await resubmitMdfClaim(sim.context, { claimId, proofs: proofsOf(sim, [missing]) });
      if (sim.recorded(resubmitted, portalUser(partner))) {
        sim.onWorkday(sim.today + random.int(2, 8), () => reviewClaim(sim, claimId, partner, 1), 11);
      }
    });
    return;
  }
  const decision = { kind: 'reject' as const, reviewedBy, reason: random.pick(MDF_TEXTS.claimRejections) };
  sim.recorded(await reviewMdfClaim(sim.context, { claimId, decision }), reviewedBy);
}

async function closeRequest(sim: MdfSimulation, requestId: string, closedBy: string): Promise<void> {
  const request = await sim.store.requests.get(requestId);
  if (!request || request.status !== 'approved' || request.claims.pending.amount > 0) return;
  sim.recorded(await closeMdfRequest(sim.context, { requestId, closedBy }), closedBy);
}

/**
 * The nightly job lapses a request whose time is over (`lapseMdfRequest`): undecided when its activity
 * starts, or unclaimed (or partly claimed: it closes) after its claim deadline. While claims still wait
 * for review it tries again a few nights later.
 */
async function lapse(sim: MdfSimulation, requestId: string): Promise<void> {
  const request = await sim.store.requests.get(requestId);
  if (!request || (request.status !== 'submitted' && request.status !== 'approved')) return;
  const outcome = await lapseMdfRequest(sim.context, { requestId });
  if (sim.recorded(outcome, 'system')) return;
  if (outcome.issues.some((issue) => issue.code === 'claims_pending'))
    sim.nightly(sim.today + 3, () => lapse(sim, requestId));
}
