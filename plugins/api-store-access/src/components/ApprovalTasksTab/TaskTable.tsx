import Checkbox from '@material-ui/core/Checkbox';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { SignUpRequest } from 'backstage-plugin-api-store-access-common';
import { SignUpCompletion } from '../../api';
import { formatActor, formatTime } from '../shared/format';
import { RequestStatusChip } from '../shared/RequestStatusChip';
import { sourceLabels } from '../shared/statusLabels';
import { TaskActions } from './TaskActions';
import { isSelectable } from './selectable';

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  email: { textAlign: 'left', overflowWrap: 'break-word' },
});

/** One page of sign-up requests with selection, status and per-task actions. */
export function TaskTable(props: {
  tasks: SignUpRequest[];
  me?: string;
  canReview: boolean;
  busyId?: string;
  selected: Set<string>;
  onSelectedChange: (selected: Set<string>) => void;
  onOpen: (task: SignUpRequest) => void;
  onStart: (task: SignUpRequest) => void;
  onComplete: (task: SignUpRequest, completion: SignUpCompletion) => void;
}) {
  const { tasks, me, canReview, busyId, selected, onSelectedChange } = props;
  const classes = useStyles();
  const selectable = canReview ? tasks.filter(t => isSelectable(t, me)) : [];
  const allSelected =
    selectable.length > 0 && selectable.every(t => selected.has(t.id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) {
      next.add(id);
    } else {
      next.delete(id);
    }
    onSelectedChange(next);
  };

  return (
    <Table size="small" aria-label="Sign-up requests">
      <TableHead>
        <TableRow>
          {canReview && (
            <TableCell padding="checkbox">
              <Checkbox
                inputProps={{ 'aria-label': 'Select all on this page' }}
                checked={allSelected}
                indeterminate={
                  !allSelected && selectable.some(t => selected.has(t.id))
                }
                disabled={selectable.length === 0}
                onChange={e =>
                  onSelectedChange(
                    e.target.checked
                      ? new Set(selectable.map(t => t.id))
                      : new Set(),
                  )
                }
              />
            </TableCell>
          )}
          <TableCell className={classes.nowrap}>Email</TableCell>
          <TableCell className={classes.nowrap}>Display name</TableCell>
          <TableCell className={classes.nowrap}>Status</TableCell>
          <TableCell className={classes.nowrap}>Source</TableCell>
          <TableCell className={classes.nowrap}>Assignee</TableCell>
          <TableCell className={classes.nowrap}>Created</TableCell>
          <TableCell className={classes.nowrap}>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tasks.map(task => (
          <TableRow key={task.id} hover selected={selected.has(task.id)}>
            {canReview && (
              <TableCell padding="checkbox">
                <Checkbox
                  inputProps={{ 'aria-label': `Select ${task.email}` }}
                  checked={selected.has(task.id)}
                  disabled={!isSelectable(task, me)}
                  onChange={e => toggle(task.id, e.target.checked)}
                />
              </TableCell>
            )}
            <TableCell>
              <Link
                component="button"
                variant="body2"
                className={classes.email}
                onClick={() => props.onOpen(task)}
                title="Show the history of this request"
              >
                {task.email}
              </Link>
            </TableCell>
            <TableCell>{task.displayName ?? ''}</TableCell>
            <TableCell>
              <RequestStatusChip status={task.status} />
            </TableCell>
            <TableCell className={classes.nowrap}>
              {sourceLabels[task.source] ?? task.source}
            </TableCell>
            <TableCell>{formatActor(task.assignee)}</TableCell>
            <TableCell className={classes.nowrap}>
              {formatTime(task.createdAt)}
            </TableCell>
            <TableCell>
              <TaskActions
                task={task}
                me={me}
                canReview={canReview}
                busy={busyId === task.id}
                onStart={() => props.onStart(task)}
                onComplete={completion => props.onComplete(task, completion)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
