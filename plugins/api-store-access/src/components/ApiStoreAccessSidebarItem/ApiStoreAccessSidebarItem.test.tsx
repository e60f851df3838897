import { screen } from '@testing-library/react';
import { SidebarPinStateProvider } from '@backstage/core-components';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessSidebarItem } from './ApiStoreAccessSidebarItem';

function InSidebar() {
  return (
    <SidebarPinStateProvider
      value={{
        isPinned: true,
        isMobile: false,
        toggleSidebarPinState: () => {},
      }}
    >
      <ApiStoreAccessSidebarItem />
    </SidebarPinStateProvider>
  );
}

describe('ApiStoreAccessSidebarItem', () => {
  it('links to the admin page for those who may read the settings', async () => {
    await renderWithApis(<InSidebar />);
    expect(
      await screen.findByRole('link', { name: /API Store Access/ }),
    ).toHaveAttribute('href', '/api-store-access');
  });

  it('is hidden from everyone else', async () => {
    await renderWithApis(<InSidebar />, {
      deny: ['api-store-access.settings.read'],
    });
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('link', { name: /API Store Access/ }),
    ).not.toBeInTheDocument();
  });
});
