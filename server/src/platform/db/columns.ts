import type { TableColumnOptions } from 'typeorm';

// Column builders for migrations, so every feature writes the same types on both databases.
export const idColumn = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
});
export const intColumn = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
export const bigintColumn = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable });
export const varcharColumn = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const textColumn = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const boolColumn = (name: string, dflt = false): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: dflt ? 1 : 0,
});
export const datetimeColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
/** JSON documents that may outgrow MySQL's 64 KiB TEXT (snapshots). */
export const largeTextColumn = (q: { connection: { options: { type: string } } }, name: string): TableColumnOptions => ({
  name,
  type: q.connection.options.type === 'mysql' ? 'mediumtext' : 'text',
  isNullable: false,
});
