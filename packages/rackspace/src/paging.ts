/**
 * Trove's marker paging (docs/vendors/rackspace.md §3.2). The `next` link's marker is encoded twice,
 * so core's marker strategy (which reads the link's query, one decode) is followed by one more
 * decode, and the marker is then sent encoded once. A marker that comes back is a `PagingError`
 * (core's `paginate`), never a loop.
 */
import { type MarkerCursor, markers, type PagingStrategy } from "@dbusers/core";

interface ListPage<Item> {
  readonly links?: readonly { readonly rel: string; readonly href: string }[];
  readonly items: readonly Item[];
}

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // Not percent-encoding after all (a server that encoded once): the marker as it is.
    return text;
  }
}

export function troveMarkers<Item>(): PagingStrategy<ListPage<Item>, Item, MarkerCursor> {
  const base = markers<ListPage<Item>, Item>({
    items: (page) => page.items,
    nextLink: (page) => page.links?.find((link) => link.rel === "next")?.href,
  });
  return {
    ...base,
    next(page, cursor, seen) {
      const next = base.next(page, cursor, seen);
      return next?.marker === undefined ? next : { marker: decodeOnce(next.marker) };
    },
  };
}

/** Trove's largest page (users, databases and instances). */
export const PAGE_SIZE = 20;
