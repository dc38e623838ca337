import { subtreeGroups } from './grouped';

// better-sqlite3 ships no types (and @types/better-sqlite3 is not installed): the little used here.
interface Statement { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }
interface SqliteDb { exec(sql: string): void; prepare(sql: string): Statement; close(): void }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (file: string) => SqliteDb;

describe('subtreeGroups', () => {
  it('puts full codes in one IN list and ranges in parenthesized chunks, one group per prefix length', () => {
    const groups = subtreeGroups('code', ['370502', '370502001201', '370503', '370502001202', '370502'], 1);
    expect(groups.map(({ prefixes, spec }) => ({ prefixes, ...spec }))).toEqual([
      {
        prefixes: ['370502', '370503'],
        key: 'SUBSTR(t.code, 1, 6)',
        filter: '((t.code >= ? AND t.code < ?)) OR ((t.code >= ? AND t.code < ?))',
        params: ['370502000000', '370503000000', '370503000000', '370504000000'],
      },
      {
        prefixes: ['370502001201', '370502001202'],
        key: 't.code',
        filter: 't.code IN (?, ?)',
        params: ['370502001201', '370502001202'],
      },
    ]);
    // A column that names its alias is taken as it is.
    expect(subtreeGroups('v.divisionCode', ['370502', '370502001201']).map(({ spec }) => [spec.key, spec.filter])).toEqual([
      ['SUBSTR(v.divisionCode, 1, 6)', '((v.divisionCode >= ? AND v.divisionCode < ?))'],
      ['v.divisionCode', 'v.divisionCode IN (?)'],
    ]);
  });

  it('keeps SQLite under its expression depth limit with thousands of subtrees', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE x (code VARCHAR(12))');
    db.prepare('INSERT INTO x VALUES (?), (?)').run('370502001201', '370599399201');
    const townships: string[] = [];
    for (let c = 2; c <= 99; c++) for (let t = 1; t <= 40; t++) townships.push(`3705${String(c).padStart(2, '0')}${String(t).padStart(3, '0')}`);
    const [{ spec }] = subtreeGroups('code', townships);
    const rows = db.prepare(`SELECT ${spec.key} AS grp, COUNT(*) AS n FROM x t WHERE ${spec.filter} GROUP BY ${spec.key}`).all(...spec.params);
    expect([townships.length, rows]).toEqual([3920, [{ grp: '370502001', n: 1 }]]);
    db.close();
  });
});
