import { useCallback, useMemo, useState } from 'react';

type CursorStack = Array<string | undefined>;

const FIRST_PAGE: CursorStack = [undefined];

/** Back/next over a cursor-paginated list: a stack of cursors, reset when the filters change. */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; cursors: CursorStack }>({
    key: filterKey,
    cursors: FIRST_PAGE,
  });
  const cursors = useMemo(
    () => (state.key === filterKey ? state.cursors : FIRST_PAGE),
    [state, filterKey],
  );

  const next = useCallback(
    (cursor: string) =>
      setState(current => ({
        key: filterKey,
        cursors: [
          ...(current.key === filterKey ? current.cursors : FIRST_PAGE),
          cursor,
        ],
      })),
    [filterKey],
  );
  const previous = useCallback(
    () =>
      setState(current => {
        const stack = current.key === filterKey ? current.cursors : FIRST_PAGE;
        return {
          key: filterKey,
          cursors: stack.length > 1 ? stack.slice(0, -1) : stack,
        };
      }),
    [filterKey],
  );

  return {
    cursor: cursors[cursors.length - 1],
    pageIndex: cursors.length - 1,
    next,
    previous,
  };
}
