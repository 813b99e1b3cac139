import * as z from 'zod';
import { CatalogCodeSchema, DisplayNameSchema, RecordIdSchema } from '../common/schemas.js';
import { CountryCodeSchema, SubdivisionCodeSchema } from '../geo/schemas.js';
import { NonNegativeMoneySchema } from '../money/money.js';
import { CalendarDateSchema } from '../time/calendar-date.js';
import { InstantSchema } from '../time/instant.js';
import { calendarDateIn } from '../time/time-zone.js';

/** The end customer a partner registers a deal for. */
export const RegistrationCustomerSchema = z.strictObject({
  name: DisplayNameSchema,
  /** The customer's web address, or an e-mail address of someone there. */
  domain: z.string().max(320).optional(),
  country: CountryCodeSchema.optional(),
  subdivision: SubdivisionCodeSchema.optional(),
  postalCode: z.string().min(1).max(20).optional(),
});
export type RegistrationCustomer = z.infer<typeof RegistrationCustomerSchema>;

/** The person at the customer the partner works with. */
export const RegistrationContactSchema = z.strictObject({
  name: z.string().min(1).max(120).optional(),
  email: z.email({ error: 'must be an e-mail address' }).optional(),
  phone: z.string().min(3).max(40).optional(),
});

/** What the partner fills in: the deal and its customer. */
export const RegistrationDetailsSchema = z.strictObject({
  customer: RegistrationCustomerSchema,
  contact: RegistrationContactSchema,
  amount: NonNegativeMoneySchema.optional(),
  expectedCloseDate: CalendarDateSchema.optional(),
  products: z.array(CatalogCodeSchema),
  description: z.string().max(5000).optional(),
});
export type RegistrationDetails = z.infer<typeof RegistrationDetailsSchema>;

/** The conflict verdict a registration was last checked with (the full trace goes to the audit log). */
export const ConflictVerdictSchema = z.enum(['clear', 'review', 'conflict']);
export type ConflictVerdict = z.infer<typeof ConflictVerdictSchema>;

export const ConflictSummarySchema = z.strictObject({
  verdict: ConflictVerdictSchema,
  checkedAt: InstantSchema,
  /** How many records matched the customer (same or possible). */
  matches: z.int().min(0),
});
export type ConflictSummary = z.infer<typeof ConflictSummarySchema>;

/** The days an approved registration protects the deal: from `startsOn` to `endsOn`, both included. */
export const ProtectionSchema = z
  .strictObject({
    startsOn: CalendarDateSchema,
    endsOn: CalendarDateSchema,
    /** Extensions granted so far. */
    extensions: z.int().min(0),
  })
  .refine((protection) => protection.startsOn <= protection.endsOn, {
    error: 'must end on or after the day it starts',
    params: { code: 'protection_order' },
    path: ['endsOn'],
  });
export type Protection = z.infer<typeof ProtectionSchema>;

const common = {
  id: RecordIdSchema,
  partnerId: RecordIdSchema,
  details: RegistrationDetailsSchema,
  /** The CRM opportunity the registration is linked to, once there is one. */
  opportunityId: RecordIdSchema.nullable(),
  createdAt: InstantSchema,
  version: z.int().min(0),
};
const submitted = {
  ...common,
  submittedAt: InstantSchema,
  conflict: ConflictSummarySchema,
};
const decided = { ...submitted, decidedBy: RecordIdSchema, decidedAt: InstantSchema };
const approved = { ...decided, protection: ProtectionSchema };

/**
 * A deal registration in each state of its lifecycle. Every state pins its fields:
 * draft → submitted → under_review → approved (protected) | rejected | info_requested → submitted;
 * approved → extension_requested → approved (extended or not); approved → won | lost | expired;
 * any open state → withdrawn.
 */
export const RegistrationSchema = z.discriminatedUnion('status', [
  z.strictObject({ ...common, status: z.literal('draft') }),
  z.strictObject({ ...submitted, status: z.literal('submitted') }),
  z.strictObject({
    ...submitted,
    status: z.literal('under_review'),
    reviewerId: RecordIdSchema,
    reviewStartedAt: InstantSchema,
  }),
  z.strictObject({
    ...submitted,
    status: z.literal('info_requested'),
    requestedBy: RecordIdSchema,
    requestedAt: InstantSchema,
    request: z.string().min(1).max(2000),
  }),
  z.strictObject({ ...approved, status: z.literal('approved') }),
  z.strictObject({
    ...approved,
    status: z.literal('extension_requested'),
    extensionRequestedAt: InstantSchema,
    extensionReason: z.string().min(1).max(2000),
  }),
  z.strictObject({ ...decided, status: z.literal('rejected'), reason: z.string().min(1).max(2000) }),
  z.strictObject({ ...approved, status: z.literal('won'), closedOn: CalendarDateSchema }),
  z.strictObject({
    ...approved,
    status: z.literal('lost'),
    closedOn: CalendarDateSchema,
    reason: z.string().max(2000).optional(),
  }),
  z.strictObject({ ...approved, status: z.literal('expired'), expiredOn: CalendarDateSchema }),
  z.strictObject({
    ...common,
    status: z.literal('withdrawn'),
    withdrawnAt: InstantSchema,
    withdrawnFrom: z.enum(['draft', 'submitted', 'under_review', 'info_requested', 'approved', 'extension_requested']),
    reason: z.string().max(2000).optional(),
  }),
]);
export type Registration = z.infer<typeof RegistrationSchema>;
export type RegistrationStatus = Registration['status'];

/** The states in which a registration still claims its customer. */
export const OPEN_STATUSES = [
  'submitted',
  'under_review',
  'info_requested',
  'approved',
  'extension_requested',
] as const;
export type OpenRegistration = Extract<Registration, { status: (typeof OPEN_STATUSES)[number] }>;

/** Whether a registration still claims its customer (submitted and not yet closed, decided against or withdrawn). */
export function isOpenRegistration(registration: Registration): registration is OpenRegistration {
  return (OPEN_STATUSES as readonly string[]).includes(registration.status);
}

/** The states in which an approved registration protects its deal. */
export type ProtectedRegistration = Extract<Registration, { status: 'approved' | 'extension_requested' }>;

/**
 * The day a registration stopped claiming its customer: closed won or lost, expired, rejected or withdrawn
 * (as seen in `timeZone`); `undefined` while it is a draft or open.
 */
export function registrationEndedOn(registration: Registration, timeZone: string): string | undefined {
  switch (registration.status) {
    case 'won':
    case 'lost':
      return registration.closedOn;
    case 'expired':
      return registration.expiredOn;
    case 'rejected':
      return calendarDateIn(new Date(registration.decidedAt), timeZone);
    case 'withdrawn':
      return calendarDateIn(new Date(registration.withdrawnAt), timeZone);
    default:
      return undefined;
  }
}
