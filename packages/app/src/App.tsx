import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import apiStoreAccessPlugin from 'backstage-plugin-api-store-access/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    apiStoreAccessPlugin,
    navModule,
    homeModule,
    signInModule,
  ],
});
