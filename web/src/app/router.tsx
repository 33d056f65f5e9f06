// The service pages (/services/…), one lazily loaded chunk each, so a page loads only what it uses. The console
// (/admin) will be a second route tree of this router.
import { createBrowserRouter } from 'react-router';
import { PortalLayout } from './layouts/portal-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { PageLoading } from './page-loading.tsx';

export const router = createBrowserRouter([
  {
    path: '/services',
    Component: PortalLayout,
    // Shown while the first page's code loads (the pages are loaded lazily, one chunk each).
    HydrateFallback: PageLoading,
    children: [
      { index: true, lazy: () => import('@/features/public/routes/services-index.tsx').then(page) },
      { path: 'objection', lazy: () => import('@/features/public/routes/objection.tsx').then(page) },
      { path: 'repair', lazy: () => import('@/features/public/routes/repair.tsx').then(page) },
      { path: 'tracking', lazy: () => import('@/features/public/routes/tracking.tsx').then(page) },
      { path: 'tipoff', lazy: () => import('@/features/tipoffs/routes/tipoff.tsx').then(page) },
      { path: 'identifier', lazy: () => import('@/features/identifiers/routes/identifier.tsx').then(page) },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);

/** Every route module exports its page as `Page`. */
function page(module: { Page: React.ComponentType }) {
  return { Component: module.Page };
}
