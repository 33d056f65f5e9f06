/**
 * Reads a keyset-paged query one row at a time with a look-ahead, holding at most one page in memory: the
 * verifier merges audit rows, checkpoints and check records in sequence order through three of these.
 */
export class PagedCursor<T> {
  private page: T[] = [];
  private index = 0;
  private last: T | null = null;
  private done = false;

  constructor(
    private readonly fetchPage: (after: T | null) => Promise<T[]>,
    private readonly pageSize: number,
  ) {}

  async peek(): Promise<T | null> {
    if (this.index < this.page.length) return this.page[this.index]!;
    if (this.done) return null;
    this.page = await this.fetchPage(this.last);
    this.index = 0;
    if (this.page.length < this.pageSize) this.done = true;
    return this.page.length > 0 ? this.page[0]! : null;
  }

  async next(): Promise<T | null> {
    const row = await this.peek();
    if (row !== null) {
      this.index += 1;
      this.last = row;
    }
    return row;
  }

  /** Takes rows while `predicate` holds for the next one. */
  async *takeWhile(predicate: (row: T) => boolean): AsyncGenerator<T> {
    for (let row = await this.peek(); row !== null && predicate(row); row = await this.peek()) {
      await this.next();
      yield row;
    }
  }
}
