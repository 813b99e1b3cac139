/** What partners and managers write on demo MDF requests, claims and decisions. */
export const MDF_TEXTS = {
  titles: {
    event: [
      'Customer roadshow',
      'Executive briefing day',
      'Trade show booth',
      'Partner summit stand',
      'Customer appreciation evening',
    ],
    webinar: [
      'Securing the hybrid edge',
      'Analytics for finance teams',
      'Migrating to the cloud in 90 days',
      'What is new in the platform',
      'Data governance masterclass',
    ],
    'digital-campaign': [
      'Paid search campaign',
      'LinkedIn account-based campaign',
      'Retargeting campaign',
      'Email nurture programme',
    ],
    'content-syndication': ['Analyst report syndication', 'Buyer guide syndication', 'Case study syndication'],
    'print-advertising': ['Trade magazine advertisement', 'Industry journal insert'],
    training: ['Sales certification bootcamp', 'Technical enablement week', 'Pre-sales workshop'],
  } as Readonly<Record<string, readonly string[]>>,
  requestRejections: [
    'The activity does not target the program’s focus segments this quarter.',
    'Please bundle this with your other planned activity and resubmit a joint proposal.',
    'The expected pipeline does not justify the spend; please revise the plan.',
  ],
  noFundsLeft: 'The allocation has no funds left for this activity this period.',
  claimRejections: [
    'The invoice is dated outside the activity period.',
    'The costs claimed are not eligible for this activity.',
  ],
  claimReturns: [
    'The invoice does not show the vendor’s tax number; please attach the full invoice.',
    'The attendee list is missing company names; please attach the complete list.',
    'Please add the campaign performance report for the whole activity period.',
  ],
} as const;

/** A proof document's name as a partner uploads it. */
export function proofDocumentName(kindId: string, sequence: number): string {
  const stem = kindId
    .split('-')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return `${stem}-${String(sequence).padStart(5, '0')}.pdf`;
}
