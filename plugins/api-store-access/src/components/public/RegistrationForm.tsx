import { FormEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Visibility from '@material-ui/icons/Visibility';
import VisibilityOff from '@material-ui/icons/VisibilityOff';
import Alert from '@material-ui/lab/Alert';
import { RegistrationInfo } from 'backstage-plugin-api-store-access-common';
import { formatTime } from '../shared/format';
import { checkPassword } from './passwordRules';
import { PasswordRules } from './PasswordRules';

/** The password form of a valid registration link. */
export function RegistrationForm(props: {
  registration: RegistrationInfo;
  busy: boolean;
  error?: string;
  onSubmit: (password: string, displayName?: string) => void;
}) {
  const { registration, busy, error, onSubmit } = props;
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(
    registration.displayName ?? '',
  );
  const [visible, setVisible] = useState(false);
  const rules = checkPassword(password, registration.email);
  const ready = rules.every(rule => rule.met !== false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && !busy) {
      onSubmit(password, displayName.trim() || undefined);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      {busy && <LinearProgress />}
      <Typography variant="body1" paragraph>
        Set a password for <strong>{registration.email}</strong>. You sign in to
        the portal with this email address and password.
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        This link works once and expires {formatTime(registration.expiresAt)}.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={registration.email}
        readOnly
        hidden
      />
      <TextField
        id="api-store-registration-display-name"
        label="Display name (optional)"
        autoComplete="name"
        value={displayName}
        onChange={e => setDisplayName(e.target.value)}
        inputProps={{ maxLength: 100 }}
        variant="outlined"
        margin="normal"
        fullWidth
      />
      <TextField
        id="api-store-registration-password"
        label="Password"
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        value={password}
        onChange={e => setPassword(e.target.value)}
        InputProps={{
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                aria-label={visible ? 'Hide characters' : 'Show characters'}
                onClick={() => setVisible(v => !v)}
                edge="end"
              >
                {visible ? <VisibilityOff /> : <Visibility />}
              </IconButton>
            </InputAdornment>
          ),
        }}
        variant="outlined"
        margin="normal"
        fullWidth
        required
      />
      <PasswordRules rules={rules} />
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={busy || !ready}
        >
          Complete registration
        </Button>
      </Box>
    </form>
  );
}
