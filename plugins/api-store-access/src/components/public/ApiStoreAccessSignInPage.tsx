import { ComponentProps, useCallback, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Progress, SignInPage } from '@backstage/core-components';
import {
  discoveryApiRef,
  IdentityApi,
  useApi,
} from '@backstage/core-plugin-api';
import { useLocation, useNavigate } from 'react-router-dom';
import { statusOf } from '../shared/errors';
import { ApiStoreRegistrationPage } from './ApiStoreRegistrationPage';
import { ApiStoreSignUpPage } from './ApiStoreSignUpPage';
import { MemberIdentity } from './MemberIdentity';
import {
  CompleteMemberSignIn,
  MEMBER_CARD_TITLE,
  MemberSignInCard,
  MemberSignInForm,
} from './MemberSignIn';
import {
  DEFAULT_MEMBER_LANDING_PATH,
  isMemberSignInRemembered,
  rememberMemberSignIn,
} from './memberSession';
import { isSignUpPath, registrationToken } from './publicPaths';
import { SignUpCallout } from './SignUpCallout';

/** Options of the community member sign-in on {@link ApiStoreAccessSignInPage}. */
export interface ApiStoreMemberSignInOptions {
  /**
   * Whether to offer "Sign in as a community member" (email and password, provider
   * `api-store-member`). Default: true.
   */
  memberSignIn?: boolean;
  /**
   * Where a member lands after signing in with the form from the app's root, inside the
   * app. Default: `/api-docs`, the API explorer of `@backstage/plugin-api-docs`. A member
   * who opened a deeper link stays on it.
   */
  memberLandingPath?: string;
}

/**
 * Props of {@link ApiStoreAccessSignInPage}: those of Backstage's SignInPage, and the
 * options of the member sign-in.
 */
export type ApiStoreAccessSignInPageProps = ComponentProps<typeof SignInPage> &
  ApiStoreMemberSignInOptions;

/**
 * Backstage's SignInPage with "Sign in as a community member" beside the portal's own
 * providers and a Sign up link while self sign-up is enabled; at /api-store/sign-up and
 * /api-store/register/:token it shows those public pages instead. A member who signed in
 * on this browser is signed in again silently while their session lasts.
 */
export function ApiStoreAccessSignInPage(props: ApiStoreAccessSignInPageProps) {
  const { pathname } = useLocation();
  if (isSignUpPath(pathname)) {
    return <ApiStoreSignUpPage />;
  }
  const token = registrationToken(pathname);
  if (token) {
    return <ApiStoreRegistrationPage token={token} />;
  }
  return <SignInWithMembers {...props} />;
}

function SignInWithMembers(props: ApiStoreAccessSignInPageProps) {
  const {
    memberSignIn = true,
    memberLandingPath = DEFAULT_MEMBER_LANDING_PATH,
    ...signInProps
  } = props;
  const { onSignInSuccess } = signInProps;
  const discoveryApi = useApi(discoveryApiRef);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [restoring, setRestoring] = useState(
    () => memberSignIn && isMemberSignInRemembered(),
  );
  const [notice, setNotice] = useState<string>();

  const memberSignedIn = useCallback(
    (identityApi: IdentityApi, landing?: string) => {
      onSignInSuccess(new MemberIdentity({ identityApi, discoveryApi }));
      if (landing) {
        navigate(landing);
      }
    },
    [onSignInSuccess, discoveryApi, navigate],
  );

  // A reload: the member session cookie, if still valid, signs the member in again.
  const restored = useCallback(
    (identityApi: IdentityApi) => memberSignedIn(identityApi),
    [memberSignedIn],
  );
  const restoreFailed = useCallback((error: Error | undefined) => {
    if (statusOf(error) === 401) {
      rememberMemberSignIn(false); // the session ended: sign in as usual
    } else {
      setNotice(
        'We could not restore your community member session. Sign in again.',
      );
    }
    setRestoring(false);
  }, []);

  // The form: from the app's root, land on the API list; a deep link is kept.
  const signedInWithForm = useCallback(
    (identityApi: IdentityApi) =>
      memberSignedIn(
        identityApi,
        pathname === '/' || pathname === '' ? memberLandingPath : undefined,
      ),
    [memberSignedIn, pathname, memberLandingPath],
  );

  // Another provider: forget the member, so a reload does not switch to them.
  const signedInOtherwise = useCallback(
    (identityApi: IdentityApi) => {
      rememberMemberSignIn(false);
      onSignInSuccess(identityApi);
    },
    [onSignInSuccess],
  );

  if (restoring) {
    return (
      <>
        <Progress />
        <CompleteMemberSignIn
          onSignInSuccess={restored}
          onError={restoreFailed}
        />
      </>
    );
  }

  if ('provider' in signInProps) {
    return (
      <>
        <SignInPage {...signInProps} onSignInSuccess={signedInOtherwise} />
        <Box
          position="fixed"
          bottom={24}
          left={0}
          right={0}
          zIndex={1}
          display="flex"
          justifyContent="center"
        >
          <Paper elevation={2}>
            <Box px={3} py={1} maxWidth={880}>
              {memberSignIn && (
                <>
                  <Typography variant="h6" component="h2">
                    {MEMBER_CARD_TITLE}
                  </Typography>
                  <MemberSignInForm
                    layout="row"
                    onSignInSuccess={signedInWithForm}
                    notice={notice}
                  />
                </>
              )}
              <SignUpCallout align="center" />
            </Box>
          </Paper>
        </Box>
      </>
    );
  }

  const { title, titleComponent, align, ...rest } = signInProps;
  return (
    <SignInPage
      {...rest}
      onSignInSuccess={signedInOtherwise}
      align={align}
      titleComponent={
        <Box width="100%">
          {titleComponent ??
            (title ? (
              <Typography variant="h4" component="h2">
                {title}
              </Typography>
            ) : null)}
          {memberSignIn ? (
            // the same grid as the provider cards below, so the cards line up
            <Box mt={title || titleComponent ? 2 : 0} textAlign="left">
              <Grid
                container
                spacing={2}
                justifyContent={align === 'center' ? 'center' : 'flex-start'}
              >
                <Grid item style={{ width: '100%', maxWidth: 400 }}>
                  <MemberSignInCard
                    onSignInSuccess={signedInWithForm}
                    notice={notice}
                  />
                </Grid>
              </Grid>
            </Box>
          ) : (
            <SignUpCallout align={align} />
          )}
        </Box>
      }
    />
  );
}
