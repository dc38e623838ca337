import { chinaDate } from './scalars';
// Pure validators for the codes that key the graph: division codes, unified social
// credit codes, resident ID numbers and phone numbers. No I/O, so every subgraph (and the
// demo world in @cadres/demo) can share them.

// ---------------------------------------------------------------------------------------
// Division codes (统计用区划代码)
// ---------------------------------------------------------------------------------------

export type DivisionLevel = 'PROVINCE' | 'CITY' | 'DISTRICT' | 'TOWNSHIP' | 'VILLAGE' | 'COMMUNITY';

export interface DivisionCodeInfo {
  code: string;
  level: DivisionLevel;
  /** The significant digits: 2, 4, 6, 9 or 12 characters. */
  prefix: string;
  /** The enclosing division's code (trailing segments zeroed); null for a province. */
  parentCode: string | null;
}

const DIVISION_CODE_RE = /^\d{12}$/;

function padCode(prefix: string): string {
  return prefix.padEnd(12, '0');
}

export function parseDivisionCode(code: string): DivisionCodeInfo | null {
  if (typeof code !== 'string' || !DIVISION_CODE_RE.test(code)) return null;
  const province = Number(code.slice(0, 2));
  const city = code.slice(2, 4);
  const county = code.slice(4, 6);
  const township = Number(code.slice(6, 9));
  const village = Number(code.slice(9, 12));
  if (province < 11 || province > 82) return null;

  // The code carries the hierarchy: once a segment is zero, every later one must be too,
  // otherwise prefix scans would put the division under the wrong parent.
  if (city === '00') {
    if (code.slice(4) !== '00000000') return null;
    return { code, level: 'PROVINCE', prefix: code.slice(0, 2), parentCode: null };
  }
  if (county === '00') {
    if (code.slice(6) !== '000000') return null;
    return { code, level: 'CITY', prefix: code.slice(0, 4), parentCode: padCode(code.slice(0, 2)) };
  }
  if (township === 0) {
    if (village !== 0) return null;
    return { code, level: 'DISTRICT', prefix: code.slice(0, 6), parentCode: padCode(code.slice(0, 4)) };
  }
  // 001–099 street office, 100–199 town, 200–399 township; anything above is not ours.
  if (township > 399) return null;
  if (village === 0) {
    return { code, level: 'TOWNSHIP', prefix: code.slice(0, 9), parentCode: padCode(code.slice(0, 6)) };
  }
  // 001–199 residents' committee (社区), 200–399 villagers' committee (村).
  if (village > 399) return null;
  return {
    code,
    level: village >= 200 ? 'VILLAGE' : 'COMMUNITY',
    prefix: code,
    parentCode: padCode(code.slice(0, 9)),
  };
}

export function isValidDivisionCode(code: string): boolean {
  return parseDivisionCode(code) !== null;
}

/**
 * Half-open range [lo, hi) holding every code in the division's subtree, so that a
 * subgraph can answer "everything inside X" with an indexed `code >= lo AND code < hi`.
 */
export function subtreeRange(code: string): { lo: string; hi: string } {
  const info = parseDivisionCode(code);
  if (!info) throw new Error(`invalid division code: ${code}`);
  const { prefix } = info;
  // 12 digits stay below 2^53, so Number arithmetic is exact.
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  return { lo: padCode(prefix), hi: padCode(next) };
}

// ---------------------------------------------------------------------------------------
// Unified social credit code (统一社会信用代码, GB 32100-2015)
// ---------------------------------------------------------------------------------------

/** The 31 characters allowed (no I, O, S, V, Z); a character's value is its index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^(i-1) mod 31 for positions 1..17.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CHARSET_RE = /^[0-9A-HJ-NP-RTUW-Y]*$/;

export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || !CREDIT_CHARSET_RE.test(first17)) {
    throw new Error(`need 17 characters from ${CREDIT_CODE_CHARSET}: ${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31; // 31 maps to 0
  return CREDIT_CODE_CHARSET[check];
}

/** Returns null when the code is valid, otherwise a short English reason. */
export function validateCreditCode(code: string): string | null {
  if (typeof code !== 'string' || code.length !== 18) return 'must be 18 characters';
  if (!CREDIT_CHARSET_RE.test(code)) return 'contains a character outside 0-9 A-H J-N P-R T U W-Y';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `check character should be ${expected}`;
  return null;
}

// ---------------------------------------------------------------------------------------
// Resident ID number (GB 11643)
// ---------------------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// "Today" as YYYYMMDD in China time: the IDs are Chinese, and a baby born just after
// midnight in Beijing must not be rejected by a server running on UTC.
const chinaDateStamp = (now: Date) => chinaDate(now).replace(/-/g, '');

/**
 * Trims, upper-cases a trailing x and checks the format, the birth date and the check
 * character. `now` is injectable so that the "not in the future" rule can be tested.
 */
export function normalizeIdNumber(raw: string, now: Date = new Date()): { value: string } | { error: string } {
  if (typeof raw !== 'string') return { error: 'must be 18 characters' };
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { error: 'must be 18 characters' };
  if (!/^\d{17}[\dX]$/.test(value)) return { error: 'must be 17 digits followed by a digit or X' };

  const birth = value.slice(6, 14);
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { error: `birth date ${birth} is not a real date` };
  }
  if (y < 1900) return { error: 'birth date is before 1900' };
  if (birth > chinaDateStamp(now)) return { error: 'birth date is in the future' };

  const expected = idNumberCheckChar(value.slice(0, 17));
  if (value[17] !== expected) return { error: `check character should be ${expected}` };
  return { value };
}

/** Keep the area code (6) and the last 4; hide the birth date and sequence. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

// ---------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------

const MOBILE_RE = /^(?:\+?86)?(1[3-9]\d{9})$/;

// Only Beijing (010) and 020–029 have 3-character area codes; every other area code has 4.
// Knowing this is what makes an un-hyphenated landline like 05468221234 unambiguous.
function areaCodeLength(digits: string): number {
  return digits[1] === '1' || digits[1] === '2' ? 3 : 4;
}

/**
 * Accepts a mobile number (optionally +86/86, spaces, hyphens) → 11 digits, or a landline
 * (area code, optional hyphen or space, 7–8 digit local number) → 'AREA-LOCAL'.
 */
export function normalizePhone(raw: string): { value: string } | { error: string } {
  const error = { error: 'not a valid mobile or landline number' };
  if (typeof raw !== 'string') return error;
  const trimmed = raw.trim();
  if (!/^\+?[\d\s-]+$/.test(trimmed)) return error;
  const compact = trimmed.replace(/[\s-]/g, '');

  const mobile = MOBILE_RE.exec(compact);
  if (mobile) return { value: mobile[1] };

  if (!/^0\d{9,11}$/.test(compact)) return error;
  const areaLen = areaCodeLength(compact);
  const area = compact.slice(0, areaLen);
  const local = compact.slice(areaLen);
  // A local number never begins with 0: that would be a second trunk prefix.
  if (!/^[1-9]\d{6,7}$/.test(local)) return error;
  // If the caller separated the area code, it must be where we think it is.
  const groups = trimmed.split(/[\s-]+/);
  if (groups.length > 1 && (groups[0] !== area || groups.length > 2)) return error;
  return { value: `${area}-${local}` };
}

/** Mobile: 138****1234. Landline: area code kept, all but the last 2 local digits hidden. */
export function maskPhone(p: string): string {
  const n = normalizePhone(p);
  if ('error' in n) return p.length <= 2 ? '*'.repeat(p.length) : '*'.repeat(p.length - 2) + p.slice(-2);
  const v = n.value;
  const dash = v.indexOf('-');
  if (dash < 0) return v.slice(0, 3) + '****' + v.slice(-4);
  const local = v.slice(dash + 1);
  return v.slice(0, dash + 1) + '*'.repeat(local.length - 2) + local.slice(-2);
}
