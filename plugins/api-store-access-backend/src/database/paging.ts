import { Knex } from 'knex';
import { Page } from 'backstage-plugin-api-store-access-common';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * One page of a filtered query, newest first by `seq`, with the total count of the
 * filter and the cursor of the next page. `toItems` turns the page's rows into items.
 */
export async function pageBySeq<Row extends { seq: number | string }, Item>(
  filtered: Knex.QueryBuilder,
  paging: { limit: number; cursor?: string },
  toItems: (rows: Row[]) => Item[] | Promise<Item[]>,
): Promise<Page<Item>> {
  const page = filtered
    .clone()
    .orderBy('seq', 'desc')
    .limit(paging.limit + 1);
  if (paging.cursor) {
    page.where('seq', '<', decodeCursor(paging.cursor));
  }
  const [rows, [{ count }]] = await Promise.all([
    page.select('*') as Promise<Row[]>,
    filtered.clone().count({ count: '*' }),
  ]);
  const pageRows = rows.slice(0, paging.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: await toItems(pageRows),
    totalCount: Number(count),
    nextCursor:
      rows.length > paging.limit && last
        ? encodeCursor(Number(last.seq))
        : null,
  };
}

/**
 * Narrows a query to rows whose email or display name contains `q`, case-insensitively,
 * with LIKE wildcards in `q` taken literally.
 */
export function whereEmailOrNameContains(
  query: Knex.QueryBuilder,
  q: string,
): void {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
  query.where(inner =>
    inner
      .whereRaw(`email like ? escape '\\'`, [pattern])
      .orWhereRaw(`lower(display_name) like ? escape '\\'`, [pattern]),
  );
}
