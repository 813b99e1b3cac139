import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '@conduit/core';

/** Ids for new records: the kind and a random UUID (`registration_3f2c…`), unique across instances. */
export const uuidIds: IdGenerator = { next: (kind) => `${kind}_${randomUUID()}` };
