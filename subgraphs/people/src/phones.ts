import { badInput, normalizePhone } from '@cadres/kit';

/** An optional phone argument: null stays null; anything else must be a valid number (stored normalized). */
export function optionalPhone(raw: string | null | undefined, field: string): string | null {
  if (raw == null) return null;
  const n = normalizePhone(raw);
  if ('error' in n) throw badInput(field, `${field} is ${n.error}`);
  return n.value;
}
