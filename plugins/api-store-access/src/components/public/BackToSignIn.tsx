import Box from '@material-ui/core/Box';
import { LinkLikeButton } from '../shared/LinkLikeButton';

/** A button back to the portal's sign-in page. */
export function BackToSignIn(props: { primary?: boolean; text?: string }) {
  return (
    <Box mt={2}>
      <LinkLikeButton to="/" variant={props.primary ? 'contained' : 'outlined'}>
        {props.text ?? 'Back to sign in'}
      </LinkLikeButton>
    </Box>
  );
}
