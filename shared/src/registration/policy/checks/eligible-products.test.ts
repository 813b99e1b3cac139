import { details } from '../test-support/fixtures.js';
import { checkEligibleProducts } from './eligible-products.js';

const eligible = ['platform', 'insights', 'secure-edge', 'migration-services'];

describe('eligible products', () => {
  it('passes products on the list', () => {
    expect(checkEligibleProducts(details, eligible)).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "eligible": [
        "platform",
        "insights",
        "secure-edge",
        "migration-services",
      ],
      "products": [
        "platform",
        "secure-edge",
      ],
    },
    "message": "Every registered product (platform and secure-edge) is eligible.",
    "result": "pass",
    "rule": "eligible_products",
  },
}
`);
  });

  it('refuses each product not on the list at its index', () => {
    expect(
      checkEligibleProducts({ ...details, products: ['platform', 'hardware', 'insights', 'consulting'] }, eligible),
    ).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "product_not_eligible",
      "message": "Product "hardware" is not eligible for deal registration; the eligible products are platform, insights, secure-edge and migration-services.",
      "path": [
        "details",
        "products",
        1,
      ],
    },
    {
      "code": "product_not_eligible",
      "message": "Product "consulting" is not eligible for deal registration; the eligible products are platform, insights, secure-edge and migration-services.",
      "path": [
        "details",
        "products",
        3,
      ],
    },
  ],
  "step": {
    "facts": {
      "eligible": [
        "platform",
        "insights",
        "secure-edge",
        "migration-services",
      ],
      "products": [
        "platform",
        "hardware",
        "insights",
        "consulting",
      ],
    },
    "message": "Products hardware and consulting are not eligible; the program accepts platform, insights, secure-edge and migration-services.",
    "result": "fail",
    "rule": "eligible_products",
  },
}
`);
  });

  it('passes any product when every product is eligible', () => {
    expect(checkEligibleProducts({ ...details, products: ['hardware'] }, 'all').step).toMatchInlineSnapshot(`
{
  "facts": {
    "eligible": "all",
    "products": [
      "hardware",
    ],
  },
  "message": "Every product is eligible, hardware included.",
  "result": "pass",
  "rule": "eligible_products",
}
`);
  });

  it('does not apply without products', () => {
    expect(checkEligibleProducts({ ...details, products: [] }, eligible).step.result).toBe('skip');
  });
});
