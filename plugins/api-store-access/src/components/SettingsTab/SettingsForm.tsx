import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import LinearProgress from '@material-ui/core/LinearProgress';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SelfSignUpSettings } from 'backstage-plugin-api-store-access-common';
import { apiStoreAccessApiRef } from '../../api';
import { messageOf, statusOf } from '../shared/errors';
import { DomainListField } from './DomainListField';
import { DisableSelfSignUpDialog } from './DisableSelfSignUpDialog';
import {
  MAX_SIGNATURE_LINE,
  SettingsDraft,
  validateSettings,
} from './validation';

function toDraft(settings: SelfSignUpSettings): SettingsDraft {
  return {
    signatureLine: settings.signatureLine,
    contactEmail: settings.contactEmail,
    notifyAllAdmins: settings.notifyAllAdmins,
    approvalProcess: settings.approvalProcess,
    autoApproveDomains: settings.autoApproveDomains,
    blockedDomains: settings.blockedDomains,
    sendRejectionEmail: settings.sendRejectionEmail,
  };
}

/** The editable self sign-up settings with Configure and Disable Self Signup. */
export function SettingsForm(props: {
  settings: SelfSignUpSettings;
  canUpdate: boolean;
  onSaved: (settings: SelfSignUpSettings, message: string) => void;
  onReload: () => void;
}) {
  const { settings, canUpdate, onSaved, onReload } = props;
  const api = useApi(apiStoreAccessApiRef);
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(settings));
  const [touched, setTouched] = useState<Set<keyof SettingsDraft>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [confirmDisable, setConfirmDisable] = useState(false);

  const errors = useMemo(() => validateSettings(draft), [draft]);
  const shown = (field: keyof SettingsDraft) =>
    submitted || touched.has(field) ? errors[field] : undefined;
  const disabled = !canUpdate || saving;

  const update = <K extends keyof SettingsDraft>(
    field: K,
    value: SettingsDraft[K],
  ) => {
    setDraft(current => ({ ...current, [field]: value }));
    setTouched(current => new Set(current).add(field));
  };

  const write = async (
    change: Partial<SettingsDraft> & { selfSignUpEnabled: boolean },
    message: string,
  ) => {
    setSaving(true);
    setSaveError(undefined);
    setConflict(false);
    try {
      const stored = await api.updateSettings({
        ...change,
        version: settings.version,
      });
      setConfirmDisable(false);
      onSaved(stored, message);
    } catch (error) {
      setSaving(false);
      setConfirmDisable(false);
      if (statusOf(error) === 409) {
        setConflict(true);
      } else {
        setSaveError(messageOf(error));
      }
    }
  };

  const configure = () => {
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      return;
    }
    write(
      {
        ...draft,
        signatureLine: draft.signatureLine.trim(),
        contactEmail: draft.contactEmail.trim(),
        selfSignUpEnabled: true,
      },
      settings.selfSignUpEnabled
        ? 'Settings saved.'
        : 'Self sign-up is enabled: the Sign up link is on the sign-in page.',
    );
  };

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Self sign-up settings"
      subheader="How visitors become community members of the API store"
    >
      {saving && <LinearProgress aria-label="Saving" />}
      {conflict && (
        <Box mb={2}>
          <Alert
            severity="warning"
            action={
              <Button color="inherit" size="small" onClick={onReload}>
                Reload
              </Button>
            }
          >
            Changed by someone else, reload to see the latest settings before
            you change them.
          </Alert>
        </Box>
      )}
      {saveError && (
        <Box mb={2}>
          <Alert severity="error">{saveError}</Alert>
        </Box>
      )}
      {!canUpdate && (
        <Box mb={2}>
          <Alert severity="info">
            You can view these settings. Changing them needs the
            api-store-access.settings.update permission.
          </Alert>
        </Box>
      )}

      <Typography variant="h6" component="h3">
        Emails
      </Typography>
      <TextField
        id="api-store-access-signature-line"
        label="Signature line"
        value={draft.signatureLine}
        onChange={e => update('signatureLine', e.target.value)}
        helperText={
          shown('signatureLine') ??
          'The sender name of every email, for example "Acme API Team"'
        }
        error={Boolean(shown('signatureLine'))}
        inputProps={{ maxLength: MAX_SIGNATURE_LINE + 20 }}
        disabled={disabled}
        variant="outlined"
        margin="normal"
        fullWidth
        required
      />
      <TextField
        id="api-store-access-contact-email"
        label="Contact email"
        type="email"
        value={draft.contactEmail}
        onChange={e => update('contactEmail', e.target.value)}
        helperText={
          shown('contactEmail') ??
          'Shown to visitors and registrants who need help'
        }
        error={Boolean(shown('contactEmail'))}
        disabled={disabled}
        variant="outlined"
        margin="normal"
        fullWidth
        required
      />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={draft.notifyAllAdmins}
            onChange={e => update('notifyAllAdmins', e.target.checked)}
            disabled={disabled}
          />
        }
        label="Notify all admins"
      />
      <FormHelperText>
        On: every admin is emailed about new sign-up requests. Off: only the
        admin who configured self sign-up. Requests that arrive together come in
        one email.
      </FormHelperText>

      <Box mt={3}>
        <FormControl component="fieldset" disabled={disabled}>
          <FormLabel component="legend" id="api-store-access-approval-label">
            Approval process
          </FormLabel>
          <RadioGroup
            aria-labelledby="api-store-access-approval-label"
            name="approvalProcess"
            value={draft.approvalProcess}
            onChange={e =>
              update(
                'approvalProcess',
                e.target.value === 'auto' ? 'auto' : 'admin',
              )
            }
          >
            <FormControlLabel
              value="admin"
              control={<Radio color="primary" />}
              label="Send sign-up requests to me for approval"
            />
            <FormControlLabel
              value="auto"
              control={<Radio color="primary" />}
              label="Automatically approve new members"
            />
          </RadioGroup>
        </FormControl>
      </Box>
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={draft.sendRejectionEmail}
            onChange={e => update('sendRejectionEmail', e.target.checked)}
            disabled={disabled}
          />
        }
        label="Send rejection email"
      />
      <FormHelperText>
        Tell people when their sign-up request is rejected.
      </FormHelperText>

      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Domain rules
        </Typography>
        <DomainListField
          id="api-store-access-auto-approve-domains"
          label="Auto-approve domains"
          value={draft.autoApproveDomains}
          onChange={domains => update('autoApproveDomains', domains)}
          error={shown('autoApproveDomains')}
          helperText="Sign-ups from these domains and their subdomains are approved without review. Press Enter or comma to add."
          disabled={disabled}
        />
        <DomainListField
          id="api-store-access-blocked-domains"
          label="Blocked domains"
          value={draft.blockedDomains}
          onChange={domains => update('blockedDomains', domains)}
          error={shown('blockedDomains')}
          helperText="Sign-ups from these domains and their subdomains are never accepted. Visitors see the same answer as anyone else."
          disabled={disabled}
        />
      </Box>

      <Box mt={3} display="flex" flexWrap="wrap" gridGap={16}>
        <Button
          variant="contained"
          color="primary"
          onClick={configure}
          disabled={disabled}
        >
          Configure
        </Button>
        {settings.selfSignUpEnabled && (
          <Button
            variant="outlined"
            color="secondary"
            onClick={() => setConfirmDisable(true)}
            disabled={disabled}
          >
            Disable Self Signup
          </Button>
        )}
      </Box>
      <DisableSelfSignUpDialog
        open={confirmDisable}
        busy={saving}
        onCancel={() => setConfirmDisable(false)}
        onConfirm={() =>
          write(
            { selfSignUpEnabled: false },
            'Self sign-up is disabled: the Sign up link is gone.',
          )
        }
      />
    </InfoCard>
  );
}
