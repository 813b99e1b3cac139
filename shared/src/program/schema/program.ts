import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema } from '../../common/schemas.js';
import { CurrencyCodeSchema } from '../../money/money.js';
import { FiscalCalendarSchema } from '../../time/fiscal-calendar.js';
import { AnalyticsPolicySchema, defaultAnalyticsPolicy } from './analytics-policy.js';
import { defaultLifecyclePolicy, LifecyclePolicySchema } from './lifecycle-policy.js';
import { MdfPolicySchema } from './mdf-policy.js';
import { RegistrationPolicySchema } from './registration-policy.js';
import { RoutingPolicySchema } from './routing-policy.js';
import { defaultSchedules, SchedulesSchema } from './schedules.js';
import { SpecializationSchema, TierPolicySchema, TierSchema } from './tiers.js';

/**
 * The partner program: the one document an admin configures. Everything Conduit decides reads it:
 * tiers and their movement, deal registration, lead routing, MDF, the partner lifecycle and channel
 * analytics. This schema checks its shape; `parseProgram` also checks the rules that span fields.
 */
export const ProgramSchema = z.strictObject({
  /** Lets editors find the JSON Schema; ignored by Conduit. */
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: IdentifierSchema,
  name: DisplayNameSchema,
  currency: CurrencyCodeSchema,
  fiscalCalendar: FiscalCalendarSchema,
  tiers: z.array(TierSchema).min(1).max(20),
  tierPolicy: TierPolicySchema,
  specializations: z.array(SpecializationSchema).default([]),
  registration: RegistrationPolicySchema,
  routing: RoutingPolicySchema,
  mdf: MdfPolicySchema,
  /** Onboarding milestones and activation; optional, see `defaultLifecyclePolicy`. */
  lifecycle: LifecyclePolicySchema.default(defaultLifecyclePolicy),
  /** Attribution rule and registration review SLA; optional, see `defaultAnalyticsPolicy`. */
  analytics: AnalyticsPolicySchema.default(defaultAnalyticsPolicy),
  /** When the server runs the scheduled jobs (cron, in the program's time zone); optional, see `SchedulesSchema`. */
  schedules: SchedulesSchema.default(defaultSchedules),
});

/** A program as parsed: defaults filled in, every rule checked. */
export type Program = z.output<typeof ProgramSchema>;
/** A program as an admin may write it: fields with defaults may be left out. */
export type ProgramInput = z.input<typeof ProgramSchema>;
