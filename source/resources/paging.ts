/**
 * Page arithmetic of a Collection, as pure functions: which pages a view covers, which page
 * to prefetch, and which cached pages to drop.
 */

/** A window of rows: `[offset, offset + count)`. */
export interface RowWindow {
  offset: number;
  count: number;
}

/** The pages covering `view`, clamped to `total` when it is known (none for an empty collection). */
export function pagesInView(view: RowWindow | undefined, total: number | undefined, pageSize: number): number[] {
  if (!view || total === 0) return [];
  let first = view.offset;
  let last = view.offset + view.count - 1;
  if (total !== undefined) {
    last = Math.min(last, total - 1);
    first = Math.min(first, last);
  }
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page += 1) pages.push(page);
  return pages;
}

/** The page after `pages`, if the server has rows there. */
export function pageAfter(pages: number[], total: number | undefined, pageSize: number): number | undefined {
  const last = pages.at(-1);
  if (last === undefined || total === undefined) return undefined;
  return (last + 1) * pageSize < total ? last + 1 : undefined;
}

/**
 * The cached pages to drop so at most `keep` remain (more only when `wanted` alone is larger):
 * wanted pages stay, then the ones nearest `centre`.
 */
export function pagesToEvict(held: Iterable<number>, wanted: ReadonlySet<number>, centre: number, keep: number): number[] {
  const cap = Math.max(keep, wanted.size);
  const ranked = [...held].sort(
    (a, b) => Number(wanted.has(b)) - Number(wanted.has(a)) || Math.abs(a - centre) - Math.abs(b - centre) || a - b,
  );
  return ranked.slice(cap);
}
