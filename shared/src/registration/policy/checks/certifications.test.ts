import { certification, details, partner } from '../test-support/fixtures.js';
import { checkCertifications } from './certifications.js';

const requirements = [
  { product: 'secure-edge', certificationType: 'security-engineer' },
  { product: 'migration-services', certificationType: 'cloud-architect' },
];

describe('certifications', () => {
  it('passes a partner certified for each product that needs it', () => {
    expect(checkCertifications(details, partner(), requirements, '2026-11-24')).toMatchInlineSnapshot(`
{
  "issues": [],
  "step": {
    "facts": {
      "requirements": [
        {
          "certificationType": "security-engineer",
          "expiredOn": null,
          "held": true,
          "product": "secure-edge",
        },
      ],
      "today": "2026-11-24",
    },
    "message": "Northwind Systems holds the certifications its products need: security-engineer for secure-edge.",
    "result": "pass",
    "rule": "certifications",
  },
}
`);
  });

  it('counts a certification on its expiry day, not the day after', () => {
    expect(checkCertifications(details, partner(), requirements, '2027-06-30').step.result).toBe('pass');
    expect(checkCertifications(details, partner(), requirements, '2027-07-01')).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "certification_missing",
      "message": "Product "secure-edge" may be registered only by partners holding a security-engineer certification; Northwind Systems holds none: its last one expired on 2027-06-30.",
      "path": [
        "details",
        "products",
        1,
      ],
    },
  ],
  "step": {
    "facts": {
      "requirements": [
        {
          "certificationType": "security-engineer",
          "expiredOn": "2027-06-30",
          "held": false,
          "product": "secure-edge",
        },
      ],
      "today": "2027-07-01",
    },
    "message": "Northwind Systems lacks certifications its products need: security-engineer for secure-edge (expired on 2027-06-30).",
    "result": "fail",
    "rule": "certifications",
  },
}
`);
  });

  it('refuses a partner without the certification, at the index of the product', () => {
    const registered = { ...details, products: ['platform', 'secure-edge', 'migration-services'] };
    expect(checkCertifications(registered, partner(), requirements, '2026-11-24').issues).toMatchInlineSnapshot(`
[
  {
    "code": "certification_missing",
    "message": "Product "migration-services" may be registered only by partners holding a cloud-architect certification; Northwind Systems holds none.",
    "path": [
      "details",
      "products",
      2,
    ],
  },
]
`);
  });

  it('does not count a certification earned after today or naming another product', () => {
    const future = partner({ certifications: [certification('security-engineer', '2026-12-01', null)] });
    expect(checkCertifications(details, future, requirements, '2026-11-24').step.result).toBe('fail');
    const other = partner({ certifications: [certification('security-engineer', '2025-01-01', null, 'platform')] });
    expect(checkCertifications(details, other, requirements, '2026-11-24').step.result).toBe('fail');
    const same = partner({ certifications: [certification('security-engineer', '2025-01-01', null, 'secure-edge')] });
    expect(checkCertifications(details, same, requirements, '2026-11-24').step.result).toBe('pass');
  });

  it('checks a product registered twice once', () => {
    const twice = { ...details, products: ['secure-edge', 'secure-edge'] };
    expect(checkCertifications(twice, partner({ certifications: [] }), requirements, '2026-11-24').issues).toHaveLength(
      1,
    );
  });

  it('does not apply when no registered product needs a certification', () => {
    expect(checkCertifications({ ...details, products: ['platform'] }, partner(), requirements, '2026-11-24').step)
      .toMatchInlineSnapshot(`
{
  "facts": {
    "requirements": [],
    "today": "2026-11-24",
  },
  "message": "No registered product needs a certification.",
  "result": "skip",
  "rule": "certifications",
}
`);
  });
});
