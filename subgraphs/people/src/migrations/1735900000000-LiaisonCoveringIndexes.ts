import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const TYPE_DIVISION = ['targetType', 'divisionCode', 'targetId', 'cadreId', 'since', 'until'];
const CADRE = ['cadreId', 'targetType', 'targetId', 'since', 'until'];

/**
 * The two liaison indexes coverage reads by gain the columns its statements test, so that they
 * are answered from the index alone, without a row lookup per link (EXPLAIN on MariaDB at a
 * city's size, one district):
 * - idx_liaison_type_division (a subtree's active links of a type: households linked, building
 *   units fully linked, enterprises linked): 34–55 → 13–28 ms;
 * - idx_liaison_cadre (a cadre's active links: cadres without a village, the household quota,
 *   a department's households): 25 → 6 ms.
 */
export class LiaisonCoveringIndexes1735900000000 implements MigrationInterface {
  name = 'LiaisonCoveringIndexes1735900000000';

  async up(q: QueryRunner): Promise<void> {
    await replace(q, 'idx_liaison_type_division', TYPE_DIVISION);
    await replace(q, 'idx_liaison_cadre', CADRE);
  }

  async down(q: QueryRunner): Promise<void> {
    await replace(q, 'idx_liaison_type_division', ['targetType', 'divisionCode']);
    await replace(q, 'idx_liaison_cadre', ['cadreId']);
  }
}

async function replace(q: QueryRunner, name: string, columnNames: string[]) {
  await q.dropIndex('liaison', name);
  await q.createIndex('liaison', new TableIndex({ name, columnNames }));
}
