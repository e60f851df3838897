import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { RequirePermission } from '@backstage/plugin-permission-react';
import {
  apiStoreAccessMemberReadPermission,
  apiStoreAccessSettingsReadPermission,
  apiStoreAccessSignUpRequestReadPermission,
} from 'backstage-plugin-api-store-access-common';
import { ApprovalTasksTab } from '../ApprovalTasksTab';
import { EmailTemplatesTab } from '../EmailTemplatesTab';
import { MembersTab } from '../MembersTab';
import { SettingsTab } from '../SettingsTab';
import { PermissionNotice } from '../shared/PermissionNotice';

/** The admin page: four tabs under one header. */
export function ApiStoreAccessPage() {
  return (
    <Page themeId="tool">
      <Header
        title="API Store Access"
        subtitle="Self sign-up, approval and registration of API store members"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="API Store Access">
          <RequirePermission
            permission={apiStoreAccessSettingsReadPermission}
            errorPage={
              <PermissionNotice
                permission={apiStoreAccessSettingsReadPermission.name}
                what="the self sign-up settings"
              />
            }
          >
            <SettingsTab />
          </RequirePermission>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/approval-tasks" title="Approval Tasks">
          <RequirePermission
            permission={apiStoreAccessSignUpRequestReadPermission}
            errorPage={
              <PermissionNotice
                permission={apiStoreAccessSignUpRequestReadPermission.name}
                what="the Approval Tasks"
              />
            }
          >
            <ApprovalTasksTab />
          </RequirePermission>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/email-templates" title="Email templates">
          <RequirePermission
            permission={apiStoreAccessSettingsReadPermission}
            errorPage={
              <PermissionNotice
                permission={apiStoreAccessSettingsReadPermission.name}
                what="the email templates"
              />
            }
          >
            <EmailTemplatesTab />
          </RequirePermission>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/members" title="Members & invitations">
          <RequirePermission
            permission={apiStoreAccessMemberReadPermission}
            errorPage={
              <PermissionNotice
                permission={apiStoreAccessMemberReadPermission.name}
                what="the community members"
              />
            }
          >
            <MembersTab />
          </RequirePermission>
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
