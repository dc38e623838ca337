import { badInput } from './errors';
import { parseDivisionCode, type DivisionCodeInfo } from './validators';

/** A division code argument, validated: BAD_USER_INPUT naming `field` otherwise. */
export function requireDivisionCode(code: string, field: string): DivisionCodeInfo {
  const info = parseDivisionCode(code);
  if (!info) throw badInput(field, `${field} must be a valid 12-digit division code (统计用区划代码), got "${code}"`);
  return info;
}

/** Trimmed, non-empty, at most `max` characters. */
export function requireText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}

/** Longest `search` text: a name search needs no more, and SQLite refuses LIKE patterns over 50,000 bytes. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * The LIKE pattern (with `ESCAPE '!'`) that finds `search` anywhere in a name, or undefined for
 * no search; longer than MAX_SEARCH_LENGTH is BAD_USER_INPUT on `field`.
 */
export function searchPattern(search: string | null | undefined, field = 'search'): string | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(field, `${field} must be at most ${MAX_SEARCH_LENGTH} characters`);
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
