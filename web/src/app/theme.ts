import type { ThemeConfig } from 'antd';

/** The portal's tokens (shared with the server-rendered reading pages, see docs/portal.md). */
export const portalTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cab',
    colorLink: '#0b5cab',
    colorText: '#1f1f1f',
    colorTextSecondary: '#595959',
    // antd's lighter greys (help text under a field, character counts, placeholders) fall short of WCAG AA's 4.5:1
    // on white; the portal's secondary grey meets it (7:1), and placeholders stay distinguishable at #6b6b6b.
    colorTextDescription: '#595959',
    colorTextTertiary: '#595959',
    colorTextPlaceholder: '#6b6b6b',
    // Field borders at 3:1 against white (WCAG 1.4.11); cards, tables and dividers keep the light grey.
    colorBorder: '#8c8c8c',
    colorBorderSecondary: '#e5e7eb',
    colorBgLayout: '#f5f7fa',
    colorError: '#c62828',
    borderRadius: 8,
    fontSize: 16,
    fontFamily: '"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif',
  },
};
