// Providers around the router: antd in Chinese with the portal's tokens, TanStack Query for server state.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router/dom';
import { router } from './router.tsx';
import { portalTheme } from './theme.ts';

// Filings are never retried behind the user's back: a second POST would file twice.
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

export function App() {
  return (
    // No space inserted between two Chinese characters of a button ("查 询"): a button's name is what it says.
    <ConfigProvider locale={zhCN} theme={portalTheme} button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
