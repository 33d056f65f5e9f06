import type { ThemeConfig } from 'antd';

/** The portal's tokens (shared with the server-rendered reading pages, see docs/portal.md). */
export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cab',
    colorLink: '#0b5cab',
    colorText: '#1f1f1f',
    colorTextSecondary: '#595959',
    colorBorder: '#e5e7eb',
    colorBgLayout: '#f5f7fa',
    colorError: '#c62828',
    borderRadius: 8,
    fontSize: 16,
    fontFamily: '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif',
  },
};
