import { v7 } from 'uuid';

/**
 * Public identifiers of rows other than dossiers: uuid v7 (time ordered, so b-tree inserts stay local).
 * Made in the application, not with PostgreSQL 18's uuidv7(), because motcua supports PostgreSQL ≥ 15.
 */
export const newId = (): string => v7();
