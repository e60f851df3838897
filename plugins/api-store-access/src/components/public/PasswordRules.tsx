import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CheckCircle from '@material-ui/icons/CheckCircle';
import RadioButtonUnchecked from '@material-ui/icons/RadioButtonUnchecked';
import HelpOutline from '@material-ui/icons/HelpOutline';
import { PasswordRuleState } from './passwordRules';

function RuleIcon(props: { met: boolean | undefined }) {
  if (props.met === undefined) {
    return (
      <HelpOutline
        color="action"
        fontSize="small"
        titleAccess="Checked when you submit"
      />
    );
  }
  return props.met ? (
    <CheckCircle color="primary" fontSize="small" titleAccess="Met" />
  ) : (
    <RadioButtonUnchecked
      color="disabled"
      fontSize="small"
      titleAccess="Not met yet"
    />
  );
}

/** The password rules with a mark for each one met, updated as the registrant types. */
export function PasswordRules(props: { rules: PasswordRuleState[] }) {
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        Your password needs to be:
      </Typography>
      <List dense disablePadding>
        {props.rules.map(rule => (
          <ListItem
            key={rule.id}
            disableGutters
            data-met={rule.met === undefined ? 'unknown' : String(rule.met)}
          >
            <ListItemIcon style={{ minWidth: 32 }}>
              <RuleIcon met={rule.met} />
            </ListItemIcon>
            <ListItemText primary={rule.label} />
          </ListItem>
        ))}
      </List>
    </>
  );
}
