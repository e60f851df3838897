import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';

/** The frame of the public pages: the portal's header and one centred card. */
export function PublicPageLayout(props: {
  title: string;
  children: ReactNode;
}) {
  const configApi = useApi(configApiRef);
  const appTitle = configApi.getOptionalString('app.title') ?? 'Backstage';
  return (
    <Page themeId="home">
      <Header title={appTitle} subtitle="API Store" />
      <Content>
        <Grid container justifyContent="center">
          <Grid item xs={12} sm={10} md={7} lg={5}>
            <InfoCard
              titleTypographyProps={{ component: 'h2' }}
              title={props.title}
            >
              {props.children}
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
