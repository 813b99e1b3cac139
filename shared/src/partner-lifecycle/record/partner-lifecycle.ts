import * as z from 'zod';
import { DisplayNameSchema, RecordIdSchema } from '../../common/schemas.js';
import { PartnerStatusSchema } from '../../entities/partner.js';
import { InstantSchema } from '../../time/instant.js';
import { LifecycleActorSchema } from './actor.js';
import { OnboardingSchema } from './milestone.js';

/** One change of status, as the lifecycle's history keeps it: to what, when, by whom and, where one was given, why. */
export const LifecycleChangeSchema = z.strictObject({
  status: PartnerStatusSchema,
  at: InstantSchema,
  by: LifecycleActorSchema,
  reason: z.string().min(1).max(2000).nullable(),
});
export type LifecycleChange = z.infer<typeof LifecycleChangeSchema>;

/** A decision by a person: when and who. */
export const LifecycleDecisionSchema = z.strictObject({ at: InstantSchema, by: RecordIdSchema });
export type LifecycleDecision = z.infer<typeof LifecycleDecisionSchema>;

/** A decision by a person with its reason (a rejection, a suspension, an offboarding). */
export const ReasonedDecisionSchema = LifecycleDecisionSchema.extend({ reason: z.string().min(1).max(2000) });
export type ReasonedDecision = z.infer<typeof ReasonedDecisionSchema>;

/** When a partner became active and who made it so (a channel manager, or the program once onboarding was done). */
export const ActivationSchema = z.strictObject({ at: InstantSchema, by: LifecycleActorSchema });
export type Activation = z.infer<typeof ActivationSchema>;

/** The statuses a partner can be offboarded from. */
export const OffboardedFromSchema = z.enum(['approved', 'onboarding', 'active', 'suspended']);

const common = {
  partnerId: RecordIdSchema,
  partnerName: DisplayNameSchema,
  appliedAt: InstantSchema,
  /** Every status the partner went through, the first being `applicant`. */
  history: z.array(LifecycleChangeSchema).min(1),
  /** Increases with every saved change (optimistic concurrency); 0 for a record never saved. */
  version: z.int().min(0),
};
const approved = { ...common, approval: LifecycleDecisionSchema };
const activated = {
  ...approved,
  onboarding: OnboardingSchema,
  activation: ActivationSchema,
  /** The last reactivation after a suspension, if any. */
  reactivatedAt: InstantSchema.nullable(),
};

/**
 * Where a partner stands in the program, tagged by `status` (the same statuses as `Partner.status`, which
 * the lifecycle keeps up to date through `set_partner_status` effects). Every state pins its fields:
 * applicant → approved | rejected; approved → onboarding (milestones with due dates) → active (by hand,
 * or automatically once the required milestones are done); active → suspended → active again;
 * approved, onboarding, active or suspended → offboarded.
 */
export const PartnerLifecycleSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...common, status: z.literal('applicant') }),
  z.strictObject({ ...approved, status: z.literal('approved') }),
  z.strictObject({ ...common, status: z.literal('rejected'), rejection: ReasonedDecisionSchema }),
  z.strictObject({ ...approved, status: z.literal('onboarding'), onboarding: OnboardingSchema }),
  z.strictObject({ ...activated, status: z.literal('active') }),
  z.strictObject({ ...activated, status: z.literal('suspended'), suspension: ReasonedDecisionSchema }),
  z.strictObject({
    ...approved,
    status: z.literal('offboarded'),
    onboarding: OnboardingSchema.nullable(),
    activation: ActivationSchema.nullable(),
    offboarding: ReasonedDecisionSchema.extend({ from: OffboardedFromSchema }),
  }),
]);
export type PartnerLifecycle = z.infer<typeof PartnerLifecycleSchema>;
export type PartnerLifecycleStatus = PartnerLifecycle['status'];
export type LifecycleIn<S extends PartnerLifecycleStatus> = Extract<PartnerLifecycle, { status: S }>;
