import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';

/**
 * A partner that must not receive a lead, or any lead of an account, because of a conflict of interest
 * (it is owned by the prospect, competes with it, or a person said so).
 *
 * @example { partnerId: 'p-7', accountId: 'acc-3', reason: 'Partner is a subsidiary of the prospect.' }
 */
export const ConflictOfInterestSchema = z
  .strictObject({
    partnerId: RecordIdSchema,
    accountId: RecordIdSchema.optional(),
    leadId: RecordIdSchema.optional(),
    reason: z.string().min(1).max(500),
  })
  .refine((conflict) => conflict.accountId !== undefined || conflict.leadId !== undefined, {
    error: 'must name the account or the lead the partner is excluded from',
    params: { code: 'required' },
    path: ['accountId'],
  });
export type ConflictOfInterest = z.infer<typeof ConflictOfInterestSchema>;

/** Conflicts of interest by lead and by account, as partner positions. */
export class ConflictIndex {
  private readonly byLead = new Map<string, number[]>();
  private readonly byAccount = new Map<string, number[]>();
  readonly isEmpty: boolean;

  constructor(conflicts: readonly ConflictOfInterest[], positionOf: ReadonlyMap<string, number>) {
    for (const conflict of conflicts) {
      const position = positionOf.get(conflict.partnerId);
      if (position === undefined) continue;
      if (conflict.leadId !== undefined) push(this.byLead, conflict.leadId, position);
      if (conflict.accountId !== undefined) push(this.byAccount, conflict.accountId, position);
    }
    this.isEmpty = this.byLead.size === 0 && this.byAccount.size === 0;
  }

  /** Positions of the partners in conflict for a lead (by the lead, or by its account). */
  forLead(leadId: string, accountId: string | undefined): readonly number[] | undefined {
    if (this.isEmpty) return undefined;
    const byLead = this.byLead.get(leadId);
    const byAccount = accountId === undefined ? undefined : this.byAccount.get(accountId);
    if (!byLead) return byAccount;
    return byAccount ? [...byLead, ...byAccount] : byLead;
  }
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}
