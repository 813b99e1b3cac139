import { formatPath, issue, IssueSchema } from './issue.js';
import { fail, ok } from './result.js';

describe('issues and results', () => {
  it('renders paths as an admin reads them in JSON', () => {
    expect(formatPath(['tiers', 1, 'benefits', 'discountPercent'])).toBe('tiers[1].benefits.discountPercent');
    expect(formatPath([2, 'name'])).toBe('[2].name');
    expect(formatPath([])).toBe('the document');
  });

  it('builds issues that satisfy their own schema', () => {
    const built = issue(['routing', 'steps', 0], 'duplicate_id', 'The step id is already used.');
    expect(IssueSchema.parse(built)).toEqual(built);
  });

  it('never builds a failure without a reason', () => {
    expect(() => fail([])).toThrow('at least one issue');
    expect(ok(3)).toEqual({ success: true, data: 3 });
    expect(fail([issue([], 'x', 'y')])).toEqual({ success: false, issues: [{ path: [], code: 'x', message: 'y' }] });
  });
});
