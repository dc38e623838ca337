/** Whether a driver error is a unique-key violation (MySQL/MariaDB or SQLite). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { driverError?: { code?: string }; code?: string };
  const code = err?.driverError?.code ?? err?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
