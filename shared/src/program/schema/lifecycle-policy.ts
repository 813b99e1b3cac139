import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema } from '../../common/schemas.js';

/**
 * One milestone of a partner's onboarding (agreement signed, portal users set up, first certification):
 * due `dueDays` days after onboarding starts (the start day counts as day 0), and `required` when
 * activation waits for it to be completed or waived.
 */
export const OnboardingMilestonePolicySchema = z.strictObject({
  id: IdentifierSchema,
  name: DisplayNameSchema,
  dueDays: z.int().min(0).max(730),
  required: z.boolean(),
});
export type OnboardingMilestonePolicy = z.infer<typeof OnboardingMilestonePolicySchema>;

/**
 * Onboarding: the milestones every new partner works through, and how it becomes active once the
 * required ones are done: `automatic`ally, or when a channel manager activates it (`manual`).
 */
export const OnboardingPolicySchema = z.strictObject({
  milestones: z.array(OnboardingMilestonePolicySchema).max(50),
  activation: z.enum(['automatic', 'manual']),
});
export type OnboardingPolicy = z.infer<typeof OnboardingPolicySchema>;

/**
 * The partner lifecycle policy: applicant → approved | rejected → onboarding → active → suspended →
 * active again | offboarded. Which statuses may register deals and receive leads stays where each
 * workflow states it (`registration.allowOnboardingPartners`, the routing `partner_status` steps).
 * A program without this section has no milestones and activates partners by hand.
 */
export const LifecyclePolicySchema = z.strictObject({
  onboarding: OnboardingPolicySchema,
});
export type LifecyclePolicy = z.infer<typeof LifecyclePolicySchema>;

/** The lifecycle policy of a program that states none: no milestones, manual activation. */
export function defaultLifecyclePolicy(): LifecyclePolicy {
  return { onboarding: { milestones: [], activation: 'manual' } };
}
