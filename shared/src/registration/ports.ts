import type { RecordReader, RecordScanner, RecordWriter } from '../ports/repository.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { Registration, RegistrationStatus } from './registration.js';

/** Which registrations a scan returns; every field narrows. */
export interface RegistrationQuery {
  statuses?: readonly RegistrationStatus[];
  partnerIds?: readonly string[];
  /** Protected registrations whose protection ends before this day (due to expire). */
  protectionEndsBefore?: CalendarDate;
  /** Registrations closed, rejected or withdrawn on or after this day (for duplicate checks). */
  closedSince?: CalendarDate;
}

/** Deal registrations of the tenant. */
export interface RegistrationRepository
  extends RecordReader<Registration>, RecordWriter<Registration>, RecordScanner<Registration, RegistrationQuery> {}
