import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';

const milestoneFields = {
  id: IdentifierSchema,
  name: DisplayNameSchema,
  /** Whether activation waits for it. */
  required: z.boolean(),
  /** The last program day on which it is on time; it is overdue from the day after. */
  dueOn: CalendarDateSchema,
};

/**
 * One onboarding milestone of a partner, as planned from the program when onboarding started:
 * - `pending`: still to do; `overdueFlaggedOn` is the program day its lateness was reported, if it was;
 * - `completed`: done, on the program day `completedOn` (late when after `dueOn`);
 * - `waived`: a channel manager let it go, with a reason.
 */
export const OnboardingMilestoneSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...milestoneFields, status: z.literal('pending'), overdueFlaggedOn: CalendarDateSchema.nullable() }),
  z.strictObject({
    ...milestoneFields,
    status: z.literal('completed'),
    completedOn: CalendarDateSchema,
    completedAt: InstantSchema,
    completedBy: RecordIdSchema,
  }),
  z.strictObject({
    ...milestoneFields,
    status: z.literal('waived'),
    waivedOn: CalendarDateSchema,
    waivedAt: InstantSchema,
    waivedBy: RecordIdSchema,
    reason: z.string().min(1).max(2000),
  }),
]);
export type OnboardingMilestone = z.infer<typeof OnboardingMilestoneSchema>;
export type PendingMilestone = Extract<OnboardingMilestone, { status: 'pending' }>;

/** A partner's onboarding: when it started (instant and program day), who started it, and its milestones. */
export const OnboardingSchema = z.strictObject({
  startedAt: InstantSchema,
  startedOn: CalendarDateSchema,
  startedBy: RecordIdSchema,
  milestones: z.array(OnboardingMilestoneSchema),
});
export type Onboarding = z.infer<typeof OnboardingSchema>;
