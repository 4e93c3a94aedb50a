/**
 * Paging, apart from the client (octokit's paginate plugin): an async iterator over the items of
 * every page, asking a strategy where the next page is. Two strategies cover the vendors: page
 * numbers (Atlas: `pageNum` and `itemsPerPage`, stop on a short page or at `totalCount`) and markers
 * (OpenStack Trove: the `next` link's `marker`, decoded once). A cursor seen before is an error,
 * not a loop.
 */
import { PagingError } from "./request-errors.js";

export interface PagingStrategy<Page, Item, Cursor> {
  /** Where the first page is. */
  readonly first: Cursor;
  /** The items of one page. */
  items(page: Page): readonly Item[];
  /** Where the page after `page` is, or `undefined` when `page` was the last. */
  next(
    page: Page,
    cursor: Cursor,
    seen: { readonly pages: number; readonly items: number },
  ): Cursor | undefined;
}

export interface PaginateOptions {
  /** Stop with `PagingError` after this many pages (a server that never says "last"). Default 10 000. */
  readonly maxPages?: number;
}

/** Every item of every page, fetching each page only when the previous one has been consumed. */
export async function* paginate<Page, Item, Cursor>(
  fetchPage: (cursor: Cursor) => Promise<Page>,
  strategy: PagingStrategy<Page, Item, Cursor>,
  options: PaginateOptions = {},
): AsyncGenerator<Item, void, undefined> {
  const maxPages = options.maxPages ?? 10_000;
  let cursor: Cursor | undefined = strategy.first;
  let pages = 0;
  let items = 0;
  // A cursor seen before (Trove's marker sent twice) would loop forever.
  const seen = new Set<string>();
  while (cursor !== undefined) {
    if (pages >= maxPages) {
      throw new PagingError({ rule: "too-many-pages", message: `Stopped paging after ${maxPages} pages` });
    }
    const key = typeof cursor === "string" ? cursor : JSON.stringify(cursor);
    if (seen.has(key)) {
      throw new PagingError({
        rule: "repeated-cursor",
        message: `The server pointed to a page it had already sent (after ${pages} pages); paging would loop`,
      });
    }
    seen.add(key);
    const page = await fetchPage(cursor);
    pages += 1;
    const found = strategy.items(page);
    items += found.length;
    yield* found;
    cursor = strategy.next(page, cursor, { pages, items });
  }
}

/** A page-number cursor: Atlas's `pageNum` (from 1) and `itemsPerPage` query parameters. */
export interface PageNumber {
  readonly pageNum: number;
  readonly itemsPerPage: number;
}

export interface PageNumberOptions<Page, Item> {
  readonly itemsPerPage: number;
  readonly items: (page: Page) => readonly Item[];
  /** The total the server reports (Atlas `totalCount`), when it does. */
  readonly totalCount?: (page: Page) => number | undefined;
  /** Default 1. */
  readonly firstPage?: number;
}

/** Page numbers: the next page until a page is short, empty, or the reported total is reached. */
export function pageNumbers<Page, Item>(
  options: PageNumberOptions<Page, Item>,
): PagingStrategy<Page, Item, PageNumber> {
  const { itemsPerPage } = options;
  return {
    first: { pageNum: options.firstPage ?? 1, itemsPerPage },
    items: options.items,
    next(page, cursor, seen) {
      const count = options.items(page).length;
      const total = options.totalCount?.(page);
      if (count === 0 || count < itemsPerPage) return undefined;
      if (total !== undefined && seen.items >= total) return undefined;
      return { pageNum: cursor.pageNum + 1, itemsPerPage };
    },
  };
}

/** A marker cursor: no marker for the first page, then the one from the previous page's `next` link. */
export interface MarkerCursor {
  readonly marker?: string;
}

export interface MarkerOptions<Page, Item> {
  readonly items: (page: Page) => readonly Item[];
  /** The `href` of the page's `next` link, or nothing on the last page. */
  readonly nextLink: (page: Page) => string | null | undefined;
  /** The query parameter that carries the marker. Default `marker`. */
  readonly parameter?: string;
}

/**
 * Markers: the next page starts after the marker in the `next` link. The link's query is decoded
 * once (as a server builds it with one round of encoding); the marker is then sent as a query
 * parameter, encoded once by the client. `paginate` refuses a marker it has seen before.
 */
export function markers<Page, Item>(
  options: MarkerOptions<Page, Item>,
): PagingStrategy<Page, Item, MarkerCursor> {
  const parameter = options.parameter ?? "marker";
  return {
    first: {},
    items: options.items,
    next(page) {
      const link = options.nextLink(page);
      if (link === undefined || link === null || link === "") return undefined;
      let marker: string | null;
      try {
        marker = new URL(link, "http://link.invalid/").searchParams.get(parameter);
      } catch {
        marker = null;
      }
      if (marker === null || marker === "") {
        throw new PagingError({
          rule: "missing-marker",
          message: `The next link has no "${parameter}" parameter, so the next page cannot be asked for`,
        });
      }
      return { marker };
    },
  };
}
