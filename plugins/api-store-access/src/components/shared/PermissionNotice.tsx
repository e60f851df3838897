import { WarningPanel } from '@backstage/core-components';

/** Shown in place of a tab the user may not open. */
export function PermissionNotice(props: { permission: string; what: string }) {
  return (
    <WarningPanel
      severity="info"
      title={`You do not have access to ${props.what}`}
      message={`This needs the ${props.permission} permission. Ask a portal administrator if you need it.`}
    />
  );
}
