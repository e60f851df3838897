import {
  ComponentType,
  FormEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, ProxiedSignInPage } from '@backstage/core-components';
import {
  discoveryApiRef,
  IdentityApi,
  useApi,
} from '@backstage/core-plugin-api';
import { messageOf } from '../shared/errors';
import {
  MEMBER_PROVIDER_ID,
  MemberSignInError,
  rememberMemberSignIn,
  startMemberSession,
} from './memberSession';
import { SignUpCallout } from './SignUpCallout';

/** The accessible name of the member sign-in form. */
export const MEMBER_FORM_LABEL = 'Community member sign-in';

/** The title of the member sign-in card. */
export const MEMBER_CARD_TITLE = 'Sign in as a community member';

/**
 * An `ErrorComponent` for ProxiedSignInPage that hands the error to a callback instead of
 * showing a panel. Its identity is stable, so ProxiedSignInPage does not remount it.
 */
export function useErrorReporter(
  onError: (error: Error | undefined) => void,
): ComponentType<{ error?: Error }> {
  const callback = useRef(onError);
  useEffect(() => {
    callback.current = onError;
  }, [onError]);
  return useMemo(
    () =>
      function ReportSignInError(props: { error?: Error }) {
        const { error } = props;
        useEffect(() => {
          callback.current(error);
        }, [error]);
        return null;
      },
    [],
  );
}

/**
 * Turns the member session cookie into a Backstage identity with ProxiedSignInPage for the
 * provider `api-store-member` (GET /api/auth/api-store-member/refresh), out of sight: the
 * caller shows the progress.
 */
export function CompleteMemberSignIn(props: {
  onSignInSuccess: (identityApi: IdentityApi) => void;
  onError: (error: Error | undefined) => void;
}) {
  const ErrorComponent = useErrorReporter(props.onError);
  return (
    <div hidden data-testid="api-store-member-proxied-sign-in">
      <ProxiedSignInPage
        provider={MEMBER_PROVIDER_ID}
        onSignInSuccess={props.onSignInSuccess}
        ErrorComponent={ErrorComponent}
      />
    </div>
  );
}

type Phase = 'idle' | 'posting' | 'completing';

/**
 * "Sign in as a community member": email and password, POST /public/sessions, then the
 * Backstage sign-in as `api-store-member`. `layout="row"` is the compact form for the
 * single-provider sign-in page.
 */
export function MemberSignInForm(props: {
  onSignInSuccess: (identityApi: IdentityApi) => void;
  /** A problem to show before the member tries, e.g. a session that could not be restored. */
  notice?: string;
  layout?: 'column' | 'row';
}) {
  const { onSignInSuccess, notice, layout = 'column' } = props;
  const discoveryApi = useApi(discoveryApiRef);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | undefined>(notice);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused) {
      passwordInput.current?.focus(); // to try again at once
    }
  }, [refused]);
  const row = layout === 'row';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (phase !== 'idle') {
      return;
    }
    const address = email.trim();
    if (!address || !password) {
      setError('Enter your email address and password');
      return;
    }
    setPhase('posting');
    setError(undefined);
    try {
      await startMemberSession(discoveryApi, { email: address, password });
    } catch (e) {
      setError(
        e instanceof MemberSignInError
          ? e.message
          : `Sign-in failed: ${messageOf(e)}`,
      );
      setPassword('');
      setPhase('idle');
      setRefused(n => n + 1);
      return;
    }
    rememberMemberSignIn(true);
    setPhase('completing');
  };

  const completionFailed = useCallback((e: Error | undefined) => {
    rememberMemberSignIn(false);
    setError(
      `Your email and password are right, but the portal could not start your session${
        e ? `: ${messageOf(e)}` : ''
      }. Try again, or ask the portal team for help.`,
    );
    setPhase('idle');
  }, []);

  return (
    <form aria-label={MEMBER_FORM_LABEL} onSubmit={submit} noValidate>
      {phase !== 'idle' ? (
        <LinearProgress aria-label="Signing in" />
      ) : (
        // keeps the form from jumping when the progress bar shows
        <Box height={4} />
      )}
      {phase === 'completing' && (
        <CompleteMemberSignIn
          onSignInSuccess={onSignInSuccess}
          onError={completionFailed}
        />
      )}
      {error && (
        <Box mt={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box
        display="flex"
        flexDirection={row ? 'row' : 'column'}
        flexWrap={row ? 'wrap' : 'nowrap'}
        alignItems={row ? 'center' : 'stretch'}
        gridGap={row ? 16 : 0}
      >
        <TextField
          id="api-store-member-email"
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={e => setEmail(e.target.value)}
          disabled={phase !== 'idle'}
          inputProps={{ maxLength: 320 }}
          variant="outlined"
          margin={row ? 'dense' : 'normal'}
          fullWidth={!row}
        />
        <TextField
          id="api-store-member-password"
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          inputRef={passwordInput}
          value={password}
          onChange={e => setPassword(e.target.value)}
          disabled={phase !== 'idle'}
          inputProps={{ maxLength: 1024 }}
          variant="outlined"
          margin={row ? 'dense' : 'normal'}
          fullWidth={!row}
        />
        <Box mt={row ? 0 : 2}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={phase !== 'idle'}
          >
            Sign in
          </Button>
        </Box>
      </Box>
    </form>
  );
}

/** The member sign-in as a card beside the portal's own providers, with the Sign up link. */
export function MemberSignInCard(props: {
  onSignInSuccess: (identityApi: IdentityApi) => void;
  notice?: string;
}) {
  return (
    <InfoCard
      title={MEMBER_CARD_TITLE}
      titleTypographyProps={{ component: 'h3' }}
      variant="fullHeight"
    >
      <Typography variant="body1">
        Registered in the API store? Sign in with your email address and
        password.
      </Typography>
      <MemberSignInForm
        onSignInSuccess={props.onSignInSuccess}
        notice={props.notice}
      />
      <Box mt={2}>
        <Divider />
      </Box>
      <SignUpCallout />
    </InfoCard>
  );
}
