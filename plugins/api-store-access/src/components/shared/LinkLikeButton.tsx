import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import { Link as RouterLink } from 'react-router-dom';

/** A link inside the app that looks like a button but stays a link for assistive tech. */
export function LinkLikeButton(props: {
  to: string;
  variant?: 'text' | 'outlined' | 'contained';
  children: ReactNode;
}) {
  return (
    <Button
      component={RouterLink}
      to={props.to}
      role="link"
      variant={props.variant ?? 'text'}
      color="primary"
    >
      {props.children}
    </Button>
  );
}
