import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  idNumberCheckChar,
  isValidDivisionCode,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  parseDivisionCode,
  subtreeRange,
  validateCreditCode,
} from './validators';

const CHARSET_REASON = 'contains a character outside 0-9 A-H J-N P-R T U W-Y';

/** A valid ID number for the given birth date, built with the module's own check char. */
function idFor(birth: string, area = '370502', seq = '001'): string {
  const first17 = area + birth + seq;
  return first17 + idNumberCheckChar(first17);
}

describe('parseDivisionCode', () => {
  it('parses each level of the examples', () => {
    expect(parseDivisionCode('370000000000')).toEqual({
      code: '370000000000', level: 'PROVINCE', prefix: '37', parentCode: null,
    });
    expect(parseDivisionCode('370500000000')).toEqual({
      code: '370500000000', level: 'CITY', prefix: '3705', parentCode: '370000000000',
    });
    expect(parseDivisionCode('370502000000')).toEqual({
      code: '370502000000', level: 'DISTRICT', prefix: '370502', parentCode: '370500000000',
    });
    expect(parseDivisionCode('370502001000')).toEqual({
      code: '370502001000', level: 'TOWNSHIP', prefix: '370502001', parentCode: '370502000000',
    });
    expect(parseDivisionCode('370502001003')).toEqual({
      code: '370502001003', level: 'COMMUNITY', prefix: '370502001003', parentCode: '370502001000',
    });
    expect(parseDivisionCode('370502101201')).toEqual({
      code: '370502101201', level: 'VILLAGE', prefix: '370502101201', parentCode: '370502101000',
    });
  });

  it('accepts the edges of every township and village range', () => {
    expect(parseDivisionCode('370502099000')?.level).toBe('TOWNSHIP'); // last street office
    expect(parseDivisionCode('370502100000')?.level).toBe('TOWNSHIP'); // first town
    expect(parseDivisionCode('370502399000')?.level).toBe('TOWNSHIP'); // last 乡
    expect(parseDivisionCode('370502001001')?.level).toBe('COMMUNITY');
    expect(parseDivisionCode('370502001199')?.level).toBe('COMMUNITY');
    expect(parseDivisionCode('370502001200')?.level).toBe('VILLAGE');
    expect(parseDivisionCode('370502001399')?.level).toBe('VILLAGE');
  });

  it('accepts the edges of the province range', () => {
    expect(parseDivisionCode('110000000000')?.level).toBe('PROVINCE');
    expect(parseDivisionCode('820000000000')?.level).toBe('PROVINCE');
    expect(parseDivisionCode('110100000000')?.level).toBe('CITY');
  });

  it('rejects provinces outside 11..82', () => {
    expect(parseDivisionCode('000000000000')).toBe(null);
    expect(parseDivisionCode('100000000000')).toBe(null);
    expect(parseDivisionCode('830000000000')).toBe(null);
    expect(parseDivisionCode('990000000000')).toBe(null);
  });

  it('rejects a non-zero segment after a zero one', () => {
    expect(parseDivisionCode('370002000000')).toBe(null); // county under a zero city
    expect(parseDivisionCode('370000001000')).toBe(null);
    expect(parseDivisionCode('370500001000')).toBe(null); // township under a zero county
    expect(parseDivisionCode('370500000001')).toBe(null);
    expect(parseDivisionCode('370502000001')).toBe(null); // village under a zero township
    expect(parseDivisionCode('370502000201')).toBe(null);
  });

  it('rejects township and village numbers of 400 and above', () => {
    expect(parseDivisionCode('370502400000')).toBe(null);
    expect(parseDivisionCode('370502999000')).toBe(null);
    expect(parseDivisionCode('370502001400')).toBe(null);
    expect(parseDivisionCode('370502001999')).toBe(null);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(parseDivisionCode('')).toBe(null);
    expect(parseDivisionCode('3705')).toBe(null);
    expect(parseDivisionCode('37050200000')).toBe(null);
    expect(parseDivisionCode('3705020000000')).toBe(null);
    expect(parseDivisionCode('37050200000A')).toBe(null);
    expect(parseDivisionCode(' 370502000000')).toBe(null);
    expect(parseDivisionCode('３７０５０２０００００0')).toBe(null); // full-width digits
  });

  it('isValidDivisionCode mirrors parseDivisionCode', () => {
    expect(isValidDivisionCode('370502101201')).toBe(true);
    expect(isValidDivisionCode('370502000000')).toBe(true);
    expect(isValidDivisionCode('370502001400')).toBe(false);
    expect(isValidDivisionCode('abc')).toBe(false);
  });
});

describe('subtreeRange', () => {
  it('gives the half-open range of each level', () => {
    expect(subtreeRange('370502000000')).toEqual({ lo: '370502000000', hi: '370503000000' });
    expect(subtreeRange('370000000000')).toEqual({ lo: '370000000000', hi: '380000000000' });
    expect(subtreeRange('370500000000')).toEqual({ lo: '370500000000', hi: '370600000000' });
    expect(subtreeRange('370502001000')).toEqual({ lo: '370502001000', hi: '370502002000' });
    expect(subtreeRange('370502101201')).toEqual({ lo: '370502101201', hi: '370502101202' });
  });

  it('carries into the next segment', () => {
    expect(subtreeRange('370599000000')).toEqual({ lo: '370599000000', hi: '370600000000' });
    expect(subtreeRange('370502099000')).toEqual({ lo: '370502099000', hi: '370502100000' });
    expect(subtreeRange('370502001199')).toEqual({ lo: '370502001199', hi: '370502001200' });
    expect(subtreeRange('379900000000')).toEqual({ lo: '379900000000', hi: '380000000000' });
  });

  it('contains exactly the subtree', () => {
    const { lo, hi } = subtreeRange('370502000000');
    const inside = (c: string) => c >= lo && c < hi;
    expect(inside('370502000000')).toBe(true);
    expect(inside('370502001003')).toBe(true);
    expect(inside('370502399399')).toBe(true);
    expect(inside('370503000000')).toBe(false);
    expect(inside('370501999999')).toBe(false);
    expect(inside('370500000000')).toBe(false);
  });

  it('throws on an invalid code', () => {
    expect(() => subtreeRange('370502001400')).toThrow('invalid division code: 370502001400');
    expect(() => subtreeRange('')).toThrow('invalid division code');
  });
});

describe('validateCreditCode', () => {
  it('accepts the GB 32100 example', () => {
    expect(validateCreditCode('91350100M000100Y43')).toBe(null);
  });

  it('reports the expected check character when one character changes', () => {
    expect(validateCreditCode('91350100M000100Y44')).toBe('check character should be 3');
    expect(validateCreditCode('91350100M000100Y34')).toBe('check character should be 0');
    expect(validateCreditCode('92350100M000100Y43')).not.toBe(null);
    expect(validateCreditCode('91350100N000100Y43')).not.toBe(null);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s', (letter) => {
    expect(validateCreditCode(`91350100${letter}000100Y43`)).toBe(CHARSET_REASON);
    expect(validateCreditCode(`91350100M000100Y4${letter}`)).toBe(CHARSET_REASON);
  });

  it('rejects lowercase and punctuation', () => {
    expect(validateCreditCode('91350100m000100y43')).toBe(CHARSET_REASON);
    expect(validateCreditCode('91350100-000100Y43')).toBe(CHARSET_REASON);
    expect(validateCreditCode('91350100 000100Y43')).toBe(CHARSET_REASON);
  });

  it('rejects wrong lengths', () => {
    expect(validateCreditCode('')).toBe('must be 18 characters');
    expect(validateCreditCode('91350100M000100Y4')).toBe('must be 18 characters');
    expect(validateCreditCode('91350100M000100Y433')).toBe('must be 18 characters');
    expect(validateCreditCode(' 91350100M000100Y43')).toBe('must be 18 characters');
  });
});

describe('creditCodeCheckChar', () => {
  it('computes the example check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps 31 to 0', () => {
    // Σ value·weight ≡ 0 (mod 31), so 31 − 0 = 31, which must become 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeCheckChar('91370502MA3C00000')).toBe('0');
    expect(validateCreditCode('91370502MA3C000000')).toBe(null);
  });

  it('agrees with the weights written out in the standard', () => {
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const first17 = '91370502MA3C4FG7X';
    const sum = [...first17].reduce((s, ch, i) => s + CREDIT_CODE_CHARSET.indexOf(ch) * weights[i], 0);
    expect(creditCodeCheckChar(first17)).toBe(CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]);
  });

  it('produces codes that validate', () => {
    for (const first17 of ['91370502MA3C4FG7X', '12370500004946315', '5237050050000102R']) {
      expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toBe(null);
    }
  });

  it('throws on bad input', () => {
    expect(() => creditCodeCheckChar('9135010')).toThrow();
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow();
    expect(() => creditCodeCheckChar('91350100M000100Y43')).toThrow();
  });
});

describe('normalizeIdNumber', () => {
  const now = new Date('2024-03-01T00:00:00Z'); // 2024-03-01 08:00 in Beijing

  it('accepts the GB 11643 example', () => {
    expect(normalizeIdNumber('11010519491231002X', now)).toEqual({ value: '11010519491231002X' });
  });

  it('accepts a lowercase x and returns an uppercase X', () => {
    expect(normalizeIdNumber('11010519491231002x', now)).toEqual({ value: '11010519491231002X' });
  });

  it('trims surrounding whitespace', () => {
    expect(normalizeIdNumber('  11010519491231002x\n', now)).toEqual({ value: '11010519491231002X' });
  });

  it('reports the expected check character', () => {
    expect(normalizeIdNumber('110105194912310021', now)).toEqual({ error: 'check character should be X' });
    expect(normalizeIdNumber('11010519491231003X', now)).toEqual({ error: 'check character should be 8' });
    expect(normalizeIdNumber('21010519491231002X', now)).toEqual({ error: expect.stringMatching(/^check character should be [0-9X]$/) });
  });

  it('rejects wrong lengths', () => {
    expect(normalizeIdNumber('', now)).toEqual({ error: 'must be 18 characters' });
    expect(normalizeIdNumber('11010519491231002', now)).toEqual({ error: 'must be 18 characters' });
    expect(normalizeIdNumber('11010519491231002X1', now)).toEqual({ error: 'must be 18 characters' });
    expect(normalizeIdNumber('110105491231002', now)).toEqual({ error: 'must be 18 characters' }); // old 15-digit form
  });

  it('rejects letters other than a final X', () => {
    expect(normalizeIdNumber('1101051949123100X2', now)).toEqual({ error: 'must be 17 digits followed by a digit or X' });
    expect(normalizeIdNumber('11010519491231002Y', now)).toEqual({ error: 'must be 17 digits followed by a digit or X' });
    expect(normalizeIdNumber('110105 9491231002X', now)).toEqual({ error: 'must be 17 digits followed by a digit or X' });
  });

  it('rejects 19490231 (no 31 February)', () => {
    expect(normalizeIdNumber(idFor('19490231'), now)).toEqual({ error: 'birth date 19490231 is not a real date' });
  });

  it('rejects impossible months and days', () => {
    expect(normalizeIdNumber(idFor('19491301'), now)).toEqual({ error: 'birth date 19491301 is not a real date' });
    expect(normalizeIdNumber(idFor('19490001'), now)).toEqual({ error: 'birth date 19490001 is not a real date' });
    expect(normalizeIdNumber(idFor('19490100'), now)).toEqual({ error: 'birth date 19490100 is not a real date' });
    expect(normalizeIdNumber(idFor('19490431'), now)).toEqual({ error: 'birth date 19490431 is not a real date' });
    expect(normalizeIdNumber(idFor('19490430'), now)).toEqual({ value: idFor('19490430') });
    expect(normalizeIdNumber(idFor('19491231'), now)).toEqual({ value: idFor('19491231') });
  });

  it('handles 29 February in leap and non-leap years', () => {
    expect(normalizeIdNumber(idFor('19880229'), now)).toEqual({ value: idFor('19880229') });
    expect(normalizeIdNumber(idFor('20000229'), now)).toEqual({ value: idFor('20000229') }); // divisible by 400
    expect(normalizeIdNumber(idFor('20240229'), now)).toEqual({ value: idFor('20240229') });
    expect(normalizeIdNumber(idFor('19890229'), now)).toEqual({ error: 'birth date 19890229 is not a real date' });
    expect(normalizeIdNumber(idFor('20230229'), now)).toEqual({ error: 'birth date 20230229 is not a real date' });
    expect(normalizeIdNumber(idFor('19000229'), now)).toEqual({ error: 'birth date 19000229 is not a real date' }); // divisible by 100
  });

  it('rejects birth dates before 1900', () => {
    expect(normalizeIdNumber(idFor('18991231'), now)).toEqual({ error: 'birth date is before 1900' });
    expect(normalizeIdNumber(idFor('19000101'), now)).toEqual({ value: idFor('19000101') });
  });

  it('rejects birth dates in the future, by the date in China', () => {
    expect(normalizeIdNumber(idFor('20240301'), now)).toEqual({ value: idFor('20240301') });
    expect(normalizeIdNumber(idFor('20240302'), now)).toEqual({ error: 'birth date is in the future' });
    expect(normalizeIdNumber(idFor('20990101'), now)).toEqual({ error: 'birth date is in the future' });
    // 17:00 UTC is already the next day in Beijing.
    const lateEvening = new Date('2024-03-01T17:00:00Z');
    expect(normalizeIdNumber(idFor('20240302'), lateEvening)).toEqual({ value: idFor('20240302') });
  });

  it('defaults to the current date', () => {
    expect(normalizeIdNumber('11010519491231002X')).toEqual({ value: '11010519491231002X' });
    expect(normalizeIdNumber(idFor('29991231'))).toEqual({ error: 'birth date is in the future' });
  });
});

describe('idNumberCheckChar', () => {
  it('computes the example check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('indexes Σ mod 11 into "10X98765432"', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const first17 of ['37050219800101001', '37052319991231123', '00000000000000000']) {
      const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
      expect(idNumberCheckChar(first17)).toBe('10X98765432'[sum % 11]);
    }
    expect(idNumberCheckChar('00000000000000000')).toBe('1');
  });

  it('throws on bad input', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow();
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('370502198001010013')).toBe('370502********0013');
  });

  it('hides short values entirely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('normalizePhone', () => {
  const bad = { error: 'not a valid mobile or landline number' };

  it('accepts mobile numbers in their common spellings', () => {
    expect(normalizePhone('13812341234')).toEqual({ value: '13812341234' });
    expect(normalizePhone('+8613812341234')).toEqual({ value: '13812341234' });
    expect(normalizePhone('8613812341234')).toEqual({ value: '13812341234' });
    expect(normalizePhone('+86 138 1234 1234')).toEqual({ value: '13812341234' });
    expect(normalizePhone('138-1234-1234')).toEqual({ value: '13812341234' });
    expect(normalizePhone('  19912341234 ')).toEqual({ value: '19912341234' });
  });

  it('rejects mobile numbers with a wrong prefix or length', () => {
    expect(normalizePhone('12812341234')).toEqual(bad);
    expect(normalizePhone('23812341234')).toEqual(bad);
    expect(normalizePhone('1381234123')).toEqual(bad);
    expect(normalizePhone('138123412345')).toEqual(bad);
    expect(normalizePhone('+8713812341234')).toEqual(bad);
    expect(normalizePhone('138a2341234')).toEqual(bad);
  });

  it('accepts landlines with and without a hyphen', () => {
    expect(normalizePhone('0546-8221234')).toEqual({ value: '0546-8221234' });
    expect(normalizePhone('05468221234')).toEqual({ value: '0546-8221234' });
    expect(normalizePhone('0546 8221234')).toEqual({ value: '0546-8221234' });
    expect(normalizePhone('0546-82212345')).toEqual({ value: '0546-82212345' });
    expect(normalizePhone('010-62345678')).toEqual({ value: '010-62345678' });
    expect(normalizePhone('01062345678')).toEqual({ value: '010-62345678' });
    expect(normalizePhone('021-6234567')).toEqual({ value: '021-6234567' });
  });

  it('rejects landlines with a misplaced area code or a wrong length', () => {
    expect(normalizePhone('054-68221234')).toEqual(bad); // 054x codes have 4 characters
    expect(normalizePhone('01-062345678')).toEqual(bad);
    expect(normalizePhone('0546-822123')).toEqual(bad); // 6-digit local number
    expect(normalizePhone('0546-822123456')).toEqual(bad);
    expect(normalizePhone('0546-0221234')).toEqual(bad); // local number starting with 0
    expect(normalizePhone('0546-822-1234')).toEqual(bad);
  });

  it('rejects rubbish', () => {
    expect(normalizePhone('')).toEqual(bad);
    expect(normalizePhone('   ')).toEqual(bad);
    expect(normalizePhone('12345')).toEqual(bad);
    expect(normalizePhone('tel:13812341234')).toEqual(bad);
    expect(normalizePhone('(0546)8221234')).toEqual(bad);
  });
});

describe('maskPhone', () => {
  it('masks mobile numbers as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('keeps a landline area code and the last 2 digits', () => {
    expect(maskPhone('0546-8221234')).toBe('0546-*****34');
    expect(maskPhone('05468221234')).toBe('0546-*****34');
    expect(maskPhone('010-62345678')).toBe('010-******78');
  });

  it('masks unparseable values down to the last 2 characters', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('1')).toBe('*');
  });
});
