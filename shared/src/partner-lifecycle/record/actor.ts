import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';

/** Who moved a partner along its lifecycle: a person, by user id, or the program itself (automatic activation). */
export const LifecycleActorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), userId: RecordIdSchema }),
  z.strictObject({ kind: z.literal('automatic') }),
]);
export type LifecycleActor = z.infer<typeof LifecycleActorSchema>;

/** A person, as an actor. */
export function byUser(userId: string): LifecycleActor {
  return { kind: 'user', userId };
}

/** The program's automatic activation, as an actor. */
export const AUTOMATIC: LifecycleActor = { kind: 'automatic' };
