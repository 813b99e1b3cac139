import * as z from 'zod';
import { ProgramSchema } from './schema/program.js';

/**
 * The JSON Schema (draft 2020-12) of the program as an admin writes it, for editors that validate and
 * complete `conduit.program.json`. It describes the shape only: the rules that span fields are checked
 * by `parseProgram`.
 */
export function programJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ProgramSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://conduit.dev/schemas/conduit.program.schema.json',
    title: 'Conduit partner program',
    description:
      'The one document a Conduit admin configures: tiers, deal registration, lead routing and MDF. Validate with `parseProgram` for the rules that span fields.',
  };
}
