import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CertificationSchema } from '../../entities/partner.js';
import { TierApprovedRegistrationSchema } from './approved-registration.js';
import { TierCustomMetricValueSchema } from './custom-metric-value.js';
import { TierSatisfactionScoreSchema } from './satisfaction-score.js';
import { TierWonDealSchema } from './won-deal.js';

/**
 * Everything tier evaluation reads about one partner, as plain arrays: its certifications (from the
 * partner record), its won deals, approved registrations, satisfaction scores and custom metric
 * values. `tierId` and `specializationIds` are the partner record's fields, used only to start a
 * tier standing for a partner that has none yet. Every item belongs to `partnerId`.
 */
export const PartnerTierInputsSchema = z.strictObject({
  partnerId: RecordIdSchema,
  tierId: IdentifierSchema.nullable(),
  specializationIds: z.array(IdentifierSchema),
  certifications: z.array(CertificationSchema),
  wonDeals: z.array(TierWonDealSchema),
  approvedRegistrations: z.array(TierApprovedRegistrationSchema),
  satisfactionScores: z.array(TierSatisfactionScoreSchema),
  customMetrics: z.array(TierCustomMetricValueSchema),
});
export type PartnerTierInputs = z.infer<typeof PartnerTierInputsSchema>;
