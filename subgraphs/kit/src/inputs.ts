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
