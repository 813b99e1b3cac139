import { formatPath, issue, type Issue, type IssuePath } from '../../result/issue.js';

/**
 * One `duplicate_id` issue for each item whose `id` an earlier item of the same list already uses.
 *
 * @example duplicateIdIssues(program.tiers, ['tiers'], 'tier')
 */
export function duplicateIdIssues(items: readonly { id: string }[], listPath: IssuePath, what: string): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    issues.push(
      issue(
        [...listPath, index, 'id'],
        'duplicate_id',
        `The ${what} id "${item.id}" is already used by ${formatPath([...listPath, earlier])}: each ${what} needs its own id.`,
      ),
    );
  });
  return issues;
}

/** An `unknown_reference` issue: a field names something the program does not define. */
export function unknownReference(path: IssuePath, what: string, id: string, where: string): Issue {
  return issue(
    path,
    'unknown_reference',
    `${formatPath(path)} names the ${what} "${id}", which the program does not define: use ${where}.`,
  );
}

/** Lists ids for a message: `"a", "b" or "c"`. */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'nothing (none is defined)';
  const quoted = ids.map((id) => `"${id}"`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]!}`;
}
