/**
 * Rendered pages by (URL, data version, date): a page is rendered once per change of the data it shows, and a page
 * that changes with the date alone (an entry's period ending) is rendered again the next day. Bounded: the least
 * recently used page goes first when either limit is reached.
 */
export class PageCache {
  private readonly pages = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxPages = 2000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string): string | undefined {
    const body = this.pages.get(key);
    if (body !== undefined) {
      this.pages.delete(key);
      this.pages.set(key, body);
    }
    return body;
  }

  set(key: string, body: string): void {
    if (body.length * 2 > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old !== undefined) {
      this.bytes -= old.length * 2;
      this.pages.delete(key);
    }
    this.pages.set(key, body);
    this.bytes += body.length * 2;
    for (const [k, v] of this.pages) {
      if (this.pages.size <= this.maxPages && this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= v.length * 2;
    }
  }

  get size(): number {
    return this.pages.size;
  }
}
