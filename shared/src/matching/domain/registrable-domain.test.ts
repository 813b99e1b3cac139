import { companyDomain, isFreeMailDomain, registrableDomain } from './registrable-domain.js';

describe('registrable domains', () => {
  it('finds the registrable domain of a web address, host or e-mail by the Public Suffix List', () => {
    expect(registrableDomain('https://www.acme.co.uk/contact?x=1')).toEqual({
      domain: 'acme.co.uk',
      label: 'acme',
      suffix: 'co.uk',
    });
    expect(registrableDomain('jane.doe@sales.Acme.com')?.domain).toBe('acme.com');
    expect(registrableDomain('shop.myshopify.com')?.domain).toBe('shop.myshopify.com');
  });

  it('has none for what is not a domain', () => {
    for (const input of ['localhost', '192.168.1.10', 'co.uk', 'not a domain', ''])
      expect(registrableDomain(input)).toBeUndefined();
  });

  it('knows free and disposable mail providers', () => {
    for (const domain of ['gmail.com', 'yahoo.co.uk', 'outlook.com', 'gmx.de', 'qq.com', 'mailinator.com']) {
      expect([domain, isFreeMailDomain(domain)]).toEqual([domain, true]);
    }
    expect(isFreeMailDomain('acme.com')).toBe(false);
  });

  it('never counts a free-mail domain as a company domain', () => {
    expect(companyDomain('jane@gmail.com')).toBeUndefined();
    expect(companyDomain('jane@acme.com')?.domain).toBe('acme.com');
    expect(companyDomain(undefined)).toBeUndefined();
  });
});
