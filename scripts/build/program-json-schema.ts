import { programJsonSchema } from '@conduit/core';

/** The program's JSON Schema as the file holds it. */
export function renderProgramJsonSchema(): string {
  return `${JSON.stringify(programJsonSchema(), null, 2)}\n`;
}
