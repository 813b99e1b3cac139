import { issue } from '../../../result/issue.js';
import type { RegistrationDetails } from '../../registration.js';
import { failed, joinAnd, passed, skipped, type PolicyCheck } from '../policy-check.js';

/**
 * Every registered product is among the program's `eligibleProducts` (or they are `"all"`). Each product
 * that is not is an issue `product_not_eligible` at its index in `details.products`.
 */
export function checkEligibleProducts(details: RegistrationDetails, eligible: 'all' | readonly string[]): PolicyCheck {
  const products = [...details.products];
  const facts = { products, eligible: eligible === 'all' ? 'all' : [...eligible] };
  if (products.length === 0) {
    return skipped('eligible_products', 'No product is registered, so none is checked.', facts);
  }
  if (eligible === 'all') {
    return passed('eligible_products', `Every product is eligible, ${joinAnd(products)} included.`, facts);
  }
  const allowed = new Set(eligible);
  const issues = products.flatMap((product, index) =>
    allowed.has(product)
      ? []
      : [
          issue(
            ['details', 'products', index],
            'product_not_eligible',
            `Product "${product}" is not eligible for deal registration; the eligible products are ${joinAnd(eligible)}.`,
          ),
        ],
  );
  if (issues.length === 0) {
    return passed('eligible_products', `Every registered product (${joinAnd(products)}) is eligible.`, facts);
  }
  const refused = [...new Set(products.filter((product) => !allowed.has(product)))];
  return failed(
    'eligible_products',
    `${refused.length === 1 ? 'Product' : 'Products'} ${joinAnd(refused)} ${refused.length === 1 ? 'is' : 'are'} not eligible; the program accepts ${joinAnd(eligible)}.`,
    facts,
    issues,
  );
}
