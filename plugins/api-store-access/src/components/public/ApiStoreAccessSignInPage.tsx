import { ComponentProps } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { SignInPage } from '@backstage/core-components';
import { useLocation } from 'react-router-dom';
import { ApiStoreRegistrationPage } from './ApiStoreRegistrationPage';
import { ApiStoreSignUpPage } from './ApiStoreSignUpPage';
import { isSignUpPath, registrationToken } from './publicPaths';
import { SignUpCallout } from './SignUpCallout';

/** Props of {@link ApiStoreAccessSignInPage}: those of Backstage's SignInPage. */
export type ApiStoreAccessSignInPageProps = ComponentProps<typeof SignInPage>;

/**
 * Backstage's SignInPage with a Sign up link while self sign-up is enabled; at
 * /api-store/sign-up and /api-store/register/:token it shows those public pages instead.
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

  if ('provider' in props) {
    return (
      <>
        <SignInPage {...props} />
        <Box position="fixed" bottom={24} left={0} right={0} zIndex={1}>
          <Box display="flex" justifyContent="center">
            <Paper elevation={2}>
              <Box px={3} py={1}>
                <SignUpCallout align="center" />
              </Box>
            </Paper>
          </Box>
        </Box>
      </>
    );
  }

  const { title, titleComponent, align, ...rest } = props;
  return (
    <SignInPage
      {...rest}
      align={align}
      titleComponent={
        <Box width="100%">
          {titleComponent ??
            (title ? (
              <Typography variant="h4" component="h2">
                {title}
              </Typography>
            ) : null)}
          <SignUpCallout align={align} />
        </Box>
      }
    />
  );
}
