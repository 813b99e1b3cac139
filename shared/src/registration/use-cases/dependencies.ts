import type { Account } from '../../entities/account.js';
import type { Deal } from '../../entities/deal.js';
import type { Partner } from '../../entities/partner.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { AccountQuery, DealQuery } from '../../ports/repositories.js';
import type { RecordReader, RecordScanner } from '../../ports/repository.js';
import type { Program } from '../../program/schema/program.js';
import type { ConflictContext } from '../conflicts/conflict-context.js';
import type { RegistrationRepository } from '../ports.js';
import type { RegistrationCustomer } from '../registration.js';

/**
 * Where the records a registration is checked against come from. A store that can search (SQL, the
 * CRM's search API) narrows them to likely candidates; `conflictContextFromRepositories` reads them all.
 */
export interface ConflictCandidates {
  forCustomer(customer: RegistrationCustomer, partnerId: string, program: Program): Promise<ConflictContext>;
}

/** The ports the registration use cases run against. */
export interface RegistrationDependencies {
  registrations: RegistrationRepository;
  partners: RecordReader<Partner>;
  candidates: ConflictCandidates;
  /** The program in force. */
  program: () => Promise<Program>;
  clock: Clock;
  ids: IdGenerator;
}

/** Repositories that can list accounts and deals, for the default conflict candidates. */
export interface CrmReaders {
  accounts: RecordReader<Account> & RecordScanner<Account, AccountQuery>;
  deals: RecordScanner<Deal, DealQuery>;
  partners: RecordScanner<Partner, { statuses?: readonly Partner['status'][] }>;
}
