import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  apiStoreAccessInvitationCreatePermission,
  apiStoreAccessMemberManagePermission,
  apiStoreAccessSignUpRequestReadPermission,
} from 'backstage-plugin-api-store-access-common';
import { InvitationsCard } from './InvitationsCard';
import { InviteCard } from './InviteCard';
import { MembersCard } from './MembersCard';

/** The Members & invitations tab. */
export function MembersTab() {
  const { allowed: canInvite } = usePermission({
    permission: apiStoreAccessInvitationCreatePermission,
  });
  const { allowed: canManage } = usePermission({
    permission: apiStoreAccessMemberManagePermission,
  });
  const { allowed: canReadRequests } = usePermission({
    permission: apiStoreAccessSignUpRequestReadPermission,
  });
  const [invited, setInvited] = useState(0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InviteCard
          canInvite={canInvite}
          onInvited={() => setInvited(n => n + 1)}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        {canReadRequests && <InvitationsCard refreshKey={invited} />}
      </Grid>
      <Grid item xs={12}>
        <MembersCard canManage={canManage} />
      </Grid>
    </Grid>
  );
}
