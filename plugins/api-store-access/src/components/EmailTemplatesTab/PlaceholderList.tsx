import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EmailTemplateKind } from 'backstage-plugin-api-store-access-common';
import { placeholdersFor } from './templatePlaceholders';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2.5) },
  code: { fontFamily: 'monospace' },
}));

/** The placeholders a template of this kind can use, with what each holds. */
export function PlaceholderList(props: { kind: EmailTemplateKind }) {
  const classes = useStyles();
  return (
    <section aria-label="Placeholders">
      <Typography variant="subtitle2" component="h3">
        Placeholders
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Write them as {'{{ name }}'}; values are escaped in the HTML part.
      </Typography>
      <ul className={classes.list}>
        {placeholdersFor(props.kind).map(placeholder => (
          <li key={placeholder.name}>
            <Typography variant="body2" component="span">
              <code className={classes.code}>{placeholder.name}</code>:{' '}
              {placeholder.description}
            </Typography>
          </li>
        ))}
      </ul>
    </section>
  );
}
