// Released migrations are frozen: they hold literal values and import no live code, so that a
// database built by them yesterday and one built today are the same. A value added to an enum
// then needs a new migration, and the round trip below fails until it has one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind } from 'graphql';
import type { DataSource, EntityMetadata, QueryRunner } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { definitionOf, loadSdl, subgraphEntries } from '@cadres/kit';
import { enumColumn, intColumn } from '@cadres/kit/src/migration-columns';
import { createTestSubgraph, describeEachDatabase } from '@cadres/kit/src/testing';

const definitions = subgraphEntries().map(definitionOf);
const ALLOWED_IMPORTS = ['typeorm', '@cadres/kit/src/migration-columns'];

describe('released migrations', () => {
  it("import nothing but TypeORM and kit's frozen column helpers", () => {
    const imports: string[] = [];
    for (const { name } of definitions) {
      const dir = path.join(__dirname, '..', 'subgraphs', name, 'src', 'migrations');
      for (const file of readdirSync(dir).filter((f) => /^\d+-.+\.ts$/.test(f))) {
        for (const [, from] of readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)) {
          if (!ALLOWED_IMPORTS.includes(from)) imports.push(`${name}/${file} imports ${from}`);
        }
      }
    }
    expect(imports).toEqual([]);
  });

  it("kit's column helpers build the columns they always built (released migrations use them)", () => {
    const runner = (type: string) => ({ connection: { driver: { options: { type } } } }) as unknown as QueryRunner;
    expect(enumColumn(runner('mariadb'), 'k', ['A', 'B'], { isNullable: true })).toEqual({ name: 'k', type: 'enum', enum: ['A', 'B'], isNullable: true });
    expect(enumColumn(runner('mysql'), 'k', ['A'])).toEqual({ name: 'k', type: 'enum', enum: ['A'] });
    expect(enumColumn(runner('better-sqlite3'), 'k', ['A'])).toEqual({ name: 'k', type: 'simple-enum', enum: ['A'] });
    expect(intColumn('v', { default: 1 })).toEqual({ name: 'v', type: 'integer', default: 1 });
  });
});

/** The SDL's enums and unions (a stored type name, such as a liaison's target type), by name. */
function sdlValueSets(name: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  for (const d of loadSdl(name).definitions) {
    if (d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_EXTENSION) {
      sets.set(d.name.value, [...(sets.get(d.name.value) ?? []), ...(d.values ?? []).map((v) => v.name.value)]);
    } else if (d.kind === Kind.UNION_TYPE_DEFINITION) {
      sets.set(d.name.value, (d.types ?? []).map((t) => t.name.value));
    }
  }
  return sets;
}

let serial = 0;
/** A value any column of this type accepts, unique per call (for unique indexes). */
function filler(column: ColumnMetadata): unknown {
  const n = ++serial;
  if (column.enum) return String(column.enum[0]);
  switch (String(column.type)) {
    case 'int':
    case 'integer':
    case 'smallint':
    case 'bigint':
      return n;
    case 'boolean':
      return false;
    case 'datetime':
    case 'timestamp':
      return new Date('2026-01-01T00:00:00Z');
    case 'date':
      return '2026-01-01';
    case 'decimal':
    case 'float':
    case 'double':
    case 'real':
      return 0;
    case 'simple-json':
      return {};
    default:
      return `v${n}`.slice(0, Number(column.length) || 40);
  }
}

/** Inserts one row per value into the enum column's table, and reads the column back. */
async function roundTrip(ds: DataSource, meta: EntityMetadata, column: ColumnMetadata, values: readonly string[]): Promise<string[]> {
  for (const value of values) {
    const row: Record<string, unknown> = {};
    for (const c of meta.columns) {
      if (c === column) row[c.propertyName] = value;
      else if (!c.isGenerated && !(c.isNullable && !c.isPrimary)) row[c.propertyName] = filler(c);
    }
    await ds.getRepository(meta.target).insert(row);
  }
  const rows: { v: string }[] = await ds.query(`SELECT DISTINCT ${ds.driver.escape(column.databaseName)} AS v FROM ${ds.driver.escape(meta.tableName)} WHERE ${ds.driver.escape(column.databaseName)} IS NOT NULL`);
  return rows.map((r) => r.v).sort();
}

describeEachDatabase('every enum value the SDL allows', (db) => {
  for (const def of definitions) {
    it(`is stored and read back by a database that ${def.name}'s migrations built`, async () => {
      const subgraph = await createTestSubgraph(def, db);
      try {
        const sdl = sdlValueSets(def.name);
        const outcome: Record<string, { missingFromEntity: string[]; readBack: string[] }> = {};
        const expected: typeof outcome = {};
        for (const meta of subgraph.ds.entityMetadatas) {
          for (const column of meta.columns.filter((c) => c.enum)) {
            const values = column.enum!.map(String);
            // The SDL type this column stores: the enum or union that shares most of its values, and
            // of those the one with fewest others (co_handler.status is CoHandlingStatus, not IssueStatus).
            const overlap = (set: string[]) => set.filter((v) => values.includes(v)).length;
            const allowed =
              [...sdl.values()].filter((set) => overlap(set) * 2 > values.length).sort((a, b) => overlap(b) - overlap(a) || a.length - b.length)[0] ?? [];
            const key = `${meta.tableName}.${column.databaseName}`;
            const all = [...new Set([...values, ...allowed])].sort();
            outcome[key] = { missingFromEntity: allowed.filter((v) => !values.includes(v)), readBack: await roundTrip(subgraph.ds, meta, column, all) };
            expected[key] = { missingFromEntity: [], readBack: all };
          }
        }
        // Something was checked, unless the subgraph has no enum at all (the template's copy).
        if (sdl.size) expect(Object.keys(outcome).length).toBeGreaterThan(0);
        expect(outcome).toEqual(expected);
      } finally {
        await subgraph.stop();
      }
    });
  }
});
