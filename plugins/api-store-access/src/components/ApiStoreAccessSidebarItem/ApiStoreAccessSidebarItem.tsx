import { SidebarItem } from '@backstage/core-components';
import { IconComponent } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import HowToRegIcon from '@material-ui/icons/HowToReg';
import { apiStoreAccessSettingsReadPermission } from 'backstage-plugin-api-store-access-common';

/** Props of {@link ApiStoreAccessSidebarItem}. */
export interface ApiStoreAccessSidebarItemProps {
  /** Where the admin page is mounted; defaults to `/api-store-access`. */
  to?: string;
  /** The label; defaults to "API Store Access". */
  text?: string;
  /** The icon; defaults to a person with a check mark. */
  icon?: IconComponent;
}

/** A sidebar entry for the admin page, shown only to those who may read the settings. */
export function ApiStoreAccessSidebarItem(
  props: ApiStoreAccessSidebarItemProps,
) {
  const { allowed } = usePermission({
    permission: apiStoreAccessSettingsReadPermission,
  });
  if (!allowed) {
    return null;
  }
  return (
    <SidebarItem
      icon={props.icon ?? HowToRegIcon}
      to={props.to ?? '/api-store-access'}
      text={props.text ?? 'API Store Access'}
    />
  );
}
