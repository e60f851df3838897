import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import {
  SignUpRequestStatus,
  signUpRequestStatuses,
} from 'backstage-plugin-api-store-access-common';
import { statusLabels } from '../shared/statusLabels';

/** The Approval Tasks filters. */
export interface TaskFilterValues {
  status: SignUpRequestStatus | '';
  mine: boolean;
  search: string;
}

/** Status select, "Assigned to me" and a search box above the Approval Tasks table. */
export function TaskFilters(props: {
  value: TaskFilterValues;
  onChange: (value: TaskFilterValues) => void;
}) {
  const { value, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16} p={2}>
      <TextField
        id="api-store-access-status-filter"
        select
        label="Status"
        value={value.status}
        onChange={e =>
          onChange({
            ...value,
            status: e.target.value as SignUpRequestStatus | '',
          })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        variant="outlined"
        size="small"
      >
        <option value="">All statuses</option>
        {signUpRequestStatuses.map(status => (
          <option key={status} value={status}>
            {statusLabels[status]}
          </option>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            color="primary"
            checked={value.mine}
            onChange={e => onChange({ ...value, mine: e.target.checked })}
          />
        }
        label="Assigned to me"
      />
      <TextField
        id="api-store-access-search"
        label="Search"
        placeholder="Email or name"
        value={value.search}
        onChange={e => onChange({ ...value, search: e.target.value })}
        variant="outlined"
        size="small"
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
    </Box>
  );
}
