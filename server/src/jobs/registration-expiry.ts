import {
  calendarDateIn,
  decisionTrace,
  expireDueRegistrations,
  registrationEndedOn,
  traceStep,
  type DecisionTrace,
  type Registration,
  type RegistrationOutcome,
  type RegistrationQuery,
  type RegistrationRepository,
} from '@conduit/core';
import { registrationDependencies } from '../workflows/registration-dependencies.js';
import { jobActor, JobTally, type JobCounts, type JobRunner } from './job-runner.js';

/** The decision a registration's expiry is recorded under in the audit log. */
export const REGISTRATION_EXPIRY = 'registration.expiry';

/** Whether a registration is one a scan with `query` returns (the repository's SQL, in memory). */
function matches(registration: Registration, query: RegistrationQuery): boolean {
  if (query.statuses && !query.statuses.includes(registration.status)) return false;
  if (query.partnerIds && !query.partnerIds.includes(registration.partnerId)) return false;
  if (query.protectionEndsBefore !== undefined) {
    if (!('protection' in registration) || !(registration.protection.endsOn < query.protectionEndsBefore)) return false;
  }
  if (query.closedSince !== undefined) {
    const ended = registrationEndedOn(registration, 'UTC');
    if (ended === undefined || ended < query.closedSince) return false;
  }
  return true;
}

/**
 * The registrations among `ids`, read through `repository` (inside the item's transaction): what the core's
 * `expireDueRegistrations` scans, so that it decides on one registration as it stands now.
 */
function registrationsAmong(repository: RegistrationRepository, ids: readonly string[]): RegistrationRepository {
  return {
    get: (id) => repository.get(id),
    getMany: (wanted) => repository.getMany(wanted),
    save: (record, expectation) => repository.save(record, expectation),
    async *scan(query) {
      yield (await repository.getMany(ids)).filter((registration) => matches(registration, query));
    },
  };
}

/** The audit entry of a registration's expiry, from the record before and the outcome saved. */
function expiryTrace(before: Registration, outcome: RegistrationOutcome): DecisionTrace {
  const after = outcome.registration;
  const endsOn = 'protection' in before ? before.protection.endsOn : null;
  const expiredOn = after.status === 'expired' ? after.expiredOn : null;
  const notice = outcome.effects.find((effect) => effect.type === 'notify');
  const summary = notice?.message ?? `Registration ${after.id} expired.`;
  return decisionTrace(REGISTRATION_EXPIRY, { type: 'registration', id: after.id }, 'expired', summary, [
    traceStep('protection_ended', 'pass', `Protection ended on ${endsOn}; the registration expired on ${expiredOn}.`, {
      previousStatus: before.status,
      endsOn,
      expiredOn,
      partnerId: after.partnerId,
      version: after.version,
    }),
  ]);
}

/**
 * Registration expiry: every approved registration (or one awaiting an extension) whose protection ended
 * before today in the program's time zone expires through the core's `expireDueRegistrations`, one
 * registration per transaction together with its audit entry. A registration changed since the scan read it
 * (won, extended, expired by a concurrent run) is skipped: the use case saves with the version it read.
 * Counts: `due` (looked at), `expired`, `skipped`.
 */
export const expireRegistrations: JobRunner = async (store, clock, program, options = {}) => {
  const tally = new JobTally(['due', 'expired', 'skipped'], options);
  const actor = jobActor('registration-expiry', options);
  const today = calendarDateIn(clock.now(), program.fiscalCalendar.timeZone);
  const due: RegistrationQuery = { statuses: ['approved', 'extension_requested'], protectionEndsBefore: today };
  for await (const page of store.registrations.scan(due)) {
    for (const registration of page) {
      tally.checkStop();
      const counts = await store.transaction(async (transaction): Promise<JobCounts> => {
        const window = registrationsAmong(transaction.registrations, [registration.id]);
        const [before] = await window.getMany([registration.id]);
        const run = await expireDueRegistrations({
          ...registrationDependencies(transaction, clock),
          registrations: window,
          program: () => Promise.resolve(program),
        });
        const [expired] = run.expired;
        const counts: JobCounts = expired && before ? { due: 1, expired: 1 } : { due: 1, skipped: 1 };
        if (expired && before) await transaction.audit.record([expiryTrace(before, expired)], clock.now(), actor);
        await tally.report(transaction, counts);
        return counts;
      });
      tally.add(counts);
    }
  }
  return tally.totals;
};
