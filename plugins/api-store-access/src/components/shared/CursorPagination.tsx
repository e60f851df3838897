import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';

/** Previous/next controls and a "showing x–y of n" line for a cursor-paginated table. */
export function CursorPagination(props: {
  pageIndex: number;
  pageSize: number;
  shown: number;
  totalCount: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { pageIndex, pageSize, shown, totalCount, hasNext } = props;
  const first = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + shown;
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="flex-end"
      px={2}
      py={1}
    >
      <Typography variant="body2" color="textSecondary">
        {first}–{last} of {totalCount}
      </Typography>
      <IconButton
        aria-label="Previous page"
        onClick={props.onPrevious}
        disabled={pageIndex === 0}
      >
        <ChevronLeft />
      </IconButton>
      <IconButton
        aria-label="Next page"
        onClick={props.onNext}
        disabled={!hasNext}
      >
        <ChevronRight />
      </IconButton>
    </Box>
  );
}
