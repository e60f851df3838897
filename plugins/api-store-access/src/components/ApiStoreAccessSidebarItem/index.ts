export * from './ApiStoreAccessSidebarItem';
