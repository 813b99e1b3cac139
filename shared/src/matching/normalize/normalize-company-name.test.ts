import fc from 'fast-check';
import { normalizeCompanyName } from './normalize-company-name.js';
import { stemToken } from './stem-token.js';
import { abbreviationEntries, expandAbbreviation } from './vocabulary.js';

const key = (name: string) => normalizeCompanyName(name).key;

describe('normalizeCompanyName', () => {
  it('folds case, accents and punctuation', () => {
    expect(key('Société Générale')).toBe(key('SOCIETE GENERALE'));
    expect(key('Müller & Söhne')).toBe('muller sohne');
    expect(key('Straße Bau')).toBe(key('Strasse Bau'));
    expect(key('Ｆｕｌｌ Ｗｉｄｔｈ')).toBe('full width');
  });

  it('removes legal forms of the major jurisdictions, at the end or written first', () => {
    const forms = [
      'Inc.',
      'Corp',
      'LLC',
      'Ltd',
      'PLC',
      'GmbH',
      'AG',
      'S.A.',
      'S.A. de C.V.',
      'B.V.',
      'N.V.',
      'S.p.A.',
      'S.r.l.',
      'AB',
      'AS',
      'Oy',
      'K.K.',
      'Pty Ltd',
      'GmbH & Co. KG',
      'Co., Ltd.',
      'Sp. z o.o.',
      'Aktiengesellschaft',
      'Sdn Bhd',
    ];
    for (const form of forms) expect([form, key(`Acme ${form}`)]).toEqual([form, 'acme']);
    expect(key('PT Bank Mandiri Tbk')).toBe('bank mandiri');
    expect(normalizeCompanyName('Acme Co., Ltd.').legalForms).toEqual(['company', 'limited']);
  });

  it('keeps a name made only of legal words', () => {
    expect(key('Limited')).toBe('limited');
    expect(key('The Company')).toBe('company');
  });

  it('writes out ampersands, initials, abbreviations and plurals', () => {
    expect(key('AT&T Inc.')).toBe('att');
    expect(key('Johnson & Johnson')).toBe('johnson johnson');
    expect(key('I.B.M.')).toBe('ibm');
    expect(key('U. S. Alliance Corp')).toBe(key('US Alliance Corp'));
    expect(key('Acme Intl Mfg Svcs')).toBe('acme international manufacturing service');
    expect(key('Acme Technologies')).toBe(key('Acme Technology'));
    expect(key("McDonald's")).toBe('mcdonald');
  });

  it('reads a web address or an SEC state tag as the name it stands for', () => {
    expect(key('CreditSesame.com')).toBe('creditsesame');
    expect(key('www.ancestry.com')).toBe(key('Ancestry.com, Inc.'));
    expect(key('AutoNation, Inc. /FL/')).toBe('autonation');
  });

  it('keeps spacing variants apart in the key but together in the compact form', () => {
    const [spaced, joined] = [normalizeCompanyName('CH2M Hill'), normalizeCompanyName('CH2MHILL')];
    expect(spaced.key).not.toBe(joined.key);
    expect(spaced.compact).toBe(joined.compact);
    expect(normalizeCompanyName('AT Internet').spelled).toBe(normalizeCompanyName('ATINTERNET').spelled);
  });

  it('knows the initials of a name, with and without its legal form and small words', () => {
    expect(normalizeCompanyName('Nuclear Power Corporation of India Limited').initials).toEqual([
      'npcoil',
      'npcil',
      'npci',
    ]);
  });

  it('weighs generic words, numbers and single letters less than distinctive words', () => {
    const normalized = normalizeCompanyName('Acme Global 2040 X');
    expect(normalized.tokens).toEqual(['acme', 'global', '2040', 'x']);
    expect(normalized.weights).toEqual([1, 0.35, 0.6, 0.3]);
    expect(normalized.numbers).toEqual(['2040']);
  });

  it('is idempotent: normalising a key gives the same key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const once = normalizeCompanyName(name);
        expect(normalizeCompanyName(once.key).key).toBe(once.key);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on names built from legal forms, small words and abbreviations', () => {
    const word = fc.constantFrom(
      'acme',
      'the',
      'of',
      'inc',
      'co',
      'ltd',
      'corp',
      'gmbh',
      'and',
      'de',
      'sa',
      'intl',
      'tech',
      'services',
      'companies',
      'ab',
      'pt',
      'holdings',
      'plc',
      'us',
      'x',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const once = normalizeCompanyName(words.join(' '));
        expect(normalizeCompanyName(once.key).key).toBe(once.key);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the vocabulary', () => {
  it('spells abbreviations out into words that are their own stem and no abbreviation', () => {
    for (const [abbreviation, word] of abbreviationEntries()) {
      expect([abbreviation, stemToken(word)]).toEqual([abbreviation, word]);
      expect([abbreviation, expandAbbreviation(word)]).toEqual([abbreviation, word]);
    }
  });

  it('stems idempotently', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) =>
        expect(stemToken(stemToken(word))).toBe(stemToken(word)),
      ),
    );
  });
});
