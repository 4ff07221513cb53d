/**
 * Paths of paginated paper lists in both orders: A–Z at `<list>/`, `<list>/2/`, … and newest
 * first at `<list>/newest/`, `<list>/newest/2/`, … One route file (`[...page].astro`) serves both.
 */
import { PAGE_SIZE } from '../consts.ts';
import { listRenderKey } from './render-keys.ts';
import { ordered, type ListOrder, type Paper } from './papers.ts';

/** One page of a list: what the listing component and the page links need. */
export interface ListPage {
  data: Paper[];
  /** Index of the first and last paper on this page, 0-based. */
  start: number;
  end: number;
  total: number;
  currentPage: number;
  lastPage: number;
  url: { current: string; prev: string | undefined; next: string | undefined };
}

/** The `page` rest parameter of a list page: `undefined`, `2`, `newest`, `newest/2`. */
function restParam(order: ListOrder, index: number): string | undefined {
  return (
    [order === 'newest' ? 'newest' : undefined, index > 0 ? String(index + 1) : undefined].filter(Boolean).join('/') ||
    undefined
  );
}

/** The URL of page 1 of a list in an order, given the list's A–Z URL (ending in `/`). */
export function orderHref(listHref: string, order: ListOrder): string {
  return order === 'newest' ? `${listHref}newest/` : listHref;
}

/**
 * Static paths for a list (papers in title order) in both orders, each page with its
 * `ListPage` and `order` in props, plus the given params and props, and a cache key (a page is
 * rendered again only when its papers or its place in the list change). `firstPageShowsAll`:
 * the first page also shows something of every paper (a topic's region on the map), so it
 * gets no key and is rendered on every build.
 */
export function listingPaths<Params extends Record<string, string>, Props extends Record<string, unknown>>(
  papers: readonly Paper[],
  listHref: string,
  params: Params,
  props: Props,
  { firstPageShowsAll = false } = {},
) {
  return (['title', 'newest'] as const).flatMap((order) => {
    const list = ordered(papers, order);
    const lastPage = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    const pageHref = (index: number) => {
      const rest = restParam(order, index);
      return rest ? `${listHref}${rest}/` : listHref;
    };
    return Array.from({ length: lastPage }, (_, index) => {
      const data = list.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE);
      const page: ListPage = {
        data,
        start: index * PAGE_SIZE,
        end: index * PAGE_SIZE + Math.max(0, data.length - 1),
        total: list.length,
        currentPage: index + 1,
        lastPage,
        url: {
          current: pageHref(index),
          prev: index > 0 ? pageHref(index - 1) : undefined,
          next: index < lastPage - 1 ? pageHref(index + 1) : undefined,
        },
      };
      const cacheKey = firstPageShowsAll && index === 0 ? undefined : listRenderKey(page, [params, props, order]);
      return { params: { ...params, page: restParam(order, index) }, props: { ...props, page, order }, cacheKey };
    });
  });
}
