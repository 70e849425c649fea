// A paged list (`{ data, nextCursor }`) the stripe-node / openai-node way: `await` it for the
// first page, or `for await` over it for every item of every page, fetched one page at a time.
// Nothing is requested until one of the two happens.

type Page = { data: unknown[]; nextCursor: string | null };

export class PagePromise<P extends Page> implements PromiseLike<P>, AsyncIterable<P["data"][number]> {
  #first: Promise<P> | undefined;

  constructor(private readonly fetchPage: (cursor: string | undefined) => Promise<P>) {}

  #firstPage(): Promise<P> {
    return (this.#first ??= this.fetchPage(undefined));
  }

  then<A = P, B = never>(
    onfulfilled?: ((page: P) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ) {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
    return this.#firstPage().catch(onrejected);
  }

  /** Every page in turn, the first one included. */
  async *pages(): AsyncGenerator<P> {
    let page = await this.#firstPage();
    yield page;
    while (page.nextCursor) {
      page = await this.fetchPage(page.nextCursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<P["data"][number]> {
    for await (const page of this.pages()) yield* page.data as P["data"][number][];
  }
}
