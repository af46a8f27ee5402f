/**
 * Prepared statements by SQL text, least recently used evicted first. Queries are built from their
 * shape (fields, operators, directions) with values bound as parameters, so the distinct SQL texts
 * are few; the bound keeps a caller that varies shapes endlessly from growing memory without limit.
 */
export class StatementCache<S> {
  private readonly statements = new Map<string, S>();

  constructor(
    private readonly prepare: (sql: string) => S,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get(sql: string): S {
    const cached = this.statements.get(sql);
    if (cached !== undefined) {
      // Re-inserting moves it to the end of the Map's order: the most recently used.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = this.prepare(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.capacity) this.statements.delete(this.statements.keys().next().value as string);
    return statement;
  }

  get size(): number {
    return this.statements.size;
  }
}
