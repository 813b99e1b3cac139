import { describeProtection, protectionStatus, ProtectionStatusSchema } from './protection-status.js';
import { protection, registrationIn } from './test-support/fixtures.js';

// The sample protection runs from 2026-11-24 to 2027-02-21.
describe('protection status', () => {
  it('counts the days left after today, for the sales rep', () => {
    const status = protectionStatus(registrationIn('approved'), '2027-02-09');
    expect(status).toEqual({ kind: 'protected', ...protection, daysLeft: 12, extensionRequested: false });
    expect(describeProtection(status)).toMatchInlineSnapshot(`"Protected until 2027-02-21, 12 days left."`);
  });

  it('says so on the last day and the day before', () => {
    expect(describeProtection(protectionStatus(registrationIn('approved'), '2027-02-21'))).toMatchInlineSnapshot(
      `"Protected until 2027-02-21, last day today."`,
    );
    expect(describeProtection(protectionStatus(registrationIn('approved'), '2027-02-20'))).toMatchInlineSnapshot(
      `"Protected until 2027-02-21, 1 day left."`,
    );
  });

  it('mentions a pending extension request', () => {
    expect(
      describeProtection(protectionStatus(registrationIn('extension_requested'), '2027-02-12')),
    ).toMatchInlineSnapshot(`"Protected until 2027-02-21, 9 days left; an extension is requested."`);
  });

  it('shows protection as lapsed until the registration expires', () => {
    const status = protectionStatus(registrationIn('approved'), '2027-02-24');
    expect(status).toEqual({ kind: 'lapsed', ...protection, daysSinceEnd: 3, extensionRequested: false });
    expect(describeProtection(status)).toMatchInlineSnapshot(
      `"Protection ended on 2027-02-21; the registration is due to expire."`,
    );
  });

  it('shows a protection that starts later as upcoming', () => {
    const status = protectionStatus(registrationIn('approved'), '2026-11-20');
    expect(status).toEqual({ kind: 'upcoming', ...protection, daysUntilStart: 4 });
    expect(describeProtection(status)).toMatchInlineSnapshot(`"Protected from 2026-11-24 to 2027-02-21."`);
  });

  it('shows how a closed registration ended', () => {
    const ended = (['won', 'lost', 'expired'] as const).map((status) =>
      protectionStatus(registrationIn(status), '2027-03-01'),
    );
    expect(ended.map((status) => status.kind === 'ended' && [status.outcome, status.endedOn])).toEqual([
      ['won', '2027-01-15'],
      ['lost', '2027-01-15'],
      ['expired', '2027-02-22'],
    ]);
    expect(ended.map(describeProtection)).toMatchInlineSnapshot(`
[
  "Won on 2027-01-15; protection has ended.",
  "Lost on 2027-01-15; protection has ended.",
  "Protection ended on 2027-02-21; the registration expired.",
]
`);
  });

  it('says a registration that was never approved is not protected', () => {
    for (const status of ['draft', 'submitted', 'under_review', 'info_requested', 'rejected', 'withdrawn'] as const) {
      expect(protectionStatus(registrationIn(status), '2027-01-01')).toEqual({ kind: 'unprotected', status });
    }
    expect(describeProtection({ kind: 'unprotected', status: 'draft' })).toBe('Not protected.');
  });

  it('returns statuses that satisfy their own schema', () => {
    for (const status of ['approved', 'won', 'draft'] as const) {
      for (const today of ['2026-11-01', '2027-01-01', '2027-03-01']) {
        const value = protectionStatus(registrationIn(status), today);
        expect(ProtectionStatusSchema.parse(value)).toEqual(value);
      }
    }
  });
});
