import type { DealRepository, PartnerRepository } from '../../ports/repositories.js';
import type { Result } from '../../result/result.js';
import type { PeriodUnit } from '../../time/period.js';
import type { MdfRequestQuery, MdfStore } from '../ports/mdf-store.js';
import { postingTotal } from '../ledger/posting.js';
import type { MdfRequest } from '../requests/request.js';
import { computeMdfRoi, type MdfRoiInputs, type MdfRoiReport } from '../roi/roi.js';
import { scanAll, type MdfContext } from './context.js';

/** The repositories ROI reads beyond the MDF store. */
export interface MdfRoiSources {
  partners: PartnerRepository;
  deals: DealRepository;
}

/** What ROI reads about requests besides the program: the ledger, the deals and partners, the exchange rates. */
export type MdfRoiReading = { store: Pick<MdfStore, 'ledger'> } & Pick<MdfContext, 'rates'> & MdfRoiSources;

/**
 * Everything `computeMdfRoi` takes about chosen requests, but the program and the period unit: what the
 * ledger's `pay` postings paid on them, their linked deals, their partners and the exchange rates.
 *
 * @example computeMdfRoi({ ...(await readMdfRoiInputs(context, requests)), program, periodUnit: 'quarter' })
 */
export async function readMdfRoiInputs(
  context: MdfRoiReading,
  requests: readonly MdfRequest[],
): Promise<Omit<MdfRoiInputs, 'program' | 'periodUnit'>> {
  const requestIds = requests.map((request) => request.id);
  const postings = requestIds.length === 0 ? [] : await scanAll(context.store.ledger, { requestIds, kinds: ['pay'] });
  const payments = postings.flatMap((posting) =>
    posting.kind === 'pay'
      ? [{ requestId: posting.requestId, amount: { amount: postingTotal(posting), currency: posting.currency } }]
      : [],
  );
  const deals = await context.deals.getMany([...new Set(requests.flatMap((request) => request.links.dealIds))]);
  const partners = await context.partners.getMany([...new Set(requests.map((request) => request.partnerId))]);
  return { requests, payments, deals, partners, rates: context.rates };
}

/**
 * The ROI of MDF (`computeMdfRoi`) over the requests a query selects (all by default): reads the requests,
 * the payments the ledger holds for them, their linked deals and their partners.
 */
export async function mdfReturnOnInvestment(
  context: MdfContext & MdfRoiSources,
  input: { periodUnit: PeriodUnit; requests?: MdfRequestQuery },
): Promise<Result<MdfRoiReport>> {
  const requests = await scanAll(context.store.requests, {
    ...input.requests,
    statuses: input.requests?.statuses ?? ['approved', 'closed', 'lapsed'],
  });
  return computeMdfRoi({
    ...(await readMdfRoiInputs(context, requests)),
    program: context.program,
    periodUnit: input.periodUnit,
  });
}
