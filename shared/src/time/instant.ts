import * as z from 'zod';

/**
 * A moment in time as an ISO 8601 string with a UTC offset, e.g. `2026-11-24T09:30:00Z`: how records
 * carry timestamps across JSON boundaries.
 */
export const InstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be a date and time in ISO 8601 with a zone, such as 2026-11-24T09:30:00Z',
});
export type Instant = z.infer<typeof InstantSchema>;
