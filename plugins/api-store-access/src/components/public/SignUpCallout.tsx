import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { LinkLikeButton } from '../shared/LinkLikeButton';
import useAsync from 'react-use/esm/useAsync';
import { SIGN_UP_PATH } from './publicPaths';
import { usePublicClient } from './usePublicClient';

/**
 * "New to the API store? Sign up", shown only while /public/status says self sign-up is
 * enabled. The status is fetched every time this mounts, so disabling hides it at once.
 */
export function SignUpCallout(props: { align?: 'left' | 'center' }) {
  const client = usePublicClient();
  const { value } = useAsync(() => client.getStatus(), [client]);
  if (!value?.selfSignUpEnabled) {
    return null;
  }
  return (
    <Box
      display="flex"
      alignItems="center"
      justifyContent={props.align === 'center' ? 'center' : 'flex-start'}
      flexWrap="wrap"
      gridGap={16}
      my={1}
    >
      <Typography variant="body1">
        New to the API store? Sign up with your email address.
      </Typography>
      <LinkLikeButton to={SIGN_UP_PATH} variant="outlined">
        Sign up
      </LinkLikeButton>
    </Box>
  );
}
