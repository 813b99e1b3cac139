import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { schemaIssues } from '../../program/messages/schema-issues.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { RegistrationDetailsSchema } from '../registration.js';
import { refused, type RegistrationResult } from './outcome.js';

const text = z.string().trim().min(1).max(2000);

/** Which registration a change is for, and optionally the version the person looked at. */
const reference = { id: RecordIdSchema, expectedVersion: z.int().min(0).optional() };

/** A new draft registration. */
export const CreateRegistrationInputSchema = z.strictObject({
  partnerId: RecordIdSchema,
  details: RegistrationDetailsSchema,
  opportunityId: RecordIdSchema.optional(),
});

/** Submitting (or resubmitting) a registration. */
export const SubmitRegistrationInputSchema = z.strictObject(reference);

/** A channel manager's review decision. Approving over a conflict needs a stated override. */
export const ReviewRegistrationInputSchema = z.strictObject({
  ...reference,
  decision: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('start_review'), reviewerId: RecordIdSchema }),
    z.strictObject({ type: z.literal('request_info'), by: RecordIdSchema, request: text }),
    z.strictObject({
      type: z.literal('approve'),
      by: RecordIdSchema,
      overrideConflict: z.strictObject({ reason: text }).optional(),
    }),
    z.strictObject({ type: z.literal('reject'), by: RecordIdSchema, reason: text }),
  ]),
});

/** A partner's request for more protection. */
export const RequestExtensionInputSchema = z.strictObject({ ...reference, reason: text });

/** A channel manager's answer to an extension request. */
export const DecideExtensionInputSchema = z.strictObject({
  ...reference,
  decision: z.discriminatedUnion('grant', [
    z.strictObject({ grant: z.literal(true), by: RecordIdSchema }),
    z.strictObject({ grant: z.literal(false), by: RecordIdSchema, reason: text }),
  ]),
});

/** The end of a registration: its opportunity won or lost, or the partner withdrawing it. */
export const CloseRegistrationInputSchema = z.strictObject({
  ...reference,
  outcome: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('mark_won'), closedOn: CalendarDateSchema }),
    z.strictObject({ type: z.literal('mark_lost'), closedOn: CalendarDateSchema, reason: text.optional() }),
    z.strictObject({ type: z.literal('withdraw'), reason: text.optional() }),
  ]),
});

/** Parses a use case's input, or refuses it with an issue per bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): RegistrationResult<z.output<T>> {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success
    ? { success: true, data: parsed.data }
    : refused(schemaIssues(parsed.error.issues, 'The request'));
}
