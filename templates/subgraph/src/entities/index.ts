import { Column, Entity, PrimaryColumn } from 'typeorm';

// Column types are spelled out, so that one migration holds on SQLite and MySQL.
@Entity('sample_note')
export class SampleNote {
  /** A 12-digit division code: places' key, stored as a plain column (another database's row). */
  @PrimaryColumn({ type: 'varchar', length: 12 })
  divisionCode!: string;

  @Column({ type: 'varchar', length: 200 })
  note!: string;
}

export const entities = [SampleNote];
