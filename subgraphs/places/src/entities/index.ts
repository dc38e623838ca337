import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DivisionLevel } from '../generated/graphql';

// The domain enum is the SDL's (generated into ../generated/graphql.ts). The value list is checked
// against it both ways: `satisfies` refuses a value the SDL lacks, and the `Record<Exclude<…>,
// never>` line fails to compile, naming it, when the SDL has a value the list lacks.
export type { DivisionLevel };

export const divisionLevels = ['PROVINCE', 'CITY', 'DISTRICT', 'TOWNSHIP', 'VILLAGE', 'COMMUNITY'] as const satisfies readonly DivisionLevel[];
({}) satisfies Record<Exclude<DivisionLevel, (typeof divisionLevels)[number]>, never>;

// Column types are spelled out (not inferred from TypeScript metadata) so that the same
// entities and migrations hold on SQLite and MySQL, and tsx/esbuild can run them.
@Entity('division')
export class Division {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_division_level')
  @Column({ type: 'simple-enum', enum: divisionLevels })
  level!: DivisionLevel;

  /** Derivable from the code, but stored and indexed: children are an equality lookup. */
  @Index('idx_division_parent')
  @Column({ type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'int', nullable: true })
  population!: number | null;
}

@Entity('building')
export class Building {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_building_division')
  @Column({ type: 'varchar', length: 12 })
  divisionCode!: string;
}

@Entity('building_unit')
export class BuildingUnit {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('idx_building_unit_building')
  @Column({ type: 'varchar', length: 40 })
  buildingId!: string;
}

export const entities = [Division, Building, BuildingUnit];
