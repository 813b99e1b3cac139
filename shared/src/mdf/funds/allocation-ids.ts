/**
 * The id of a partner's allocation from a budget: one allocation per budget and partner, so allocating
 * twice tops up the same allocation, and the id is an idempotency key for adapters.
 *
 * @example budgetAllocationId('budget-fy27-q1', 'partner-7') // 'budget-fy27-q1:partner-7'
 */
export function budgetAllocationId(budgetId: string, partnerId: string): string {
  return `${budgetId}:${partnerId}`;
}

/**
 * The id of a partner's co-op allocation of an accrual fund type: one per fund type and partner.
 *
 * @example accrualAllocationId('co-op', 'partner-7') // 'co-op:partner-7'
 */
export function accrualAllocationId(fundTypeId: string, partnerId: string): string {
  return `${fundTypeId}:${partnerId}`;
}
