/** The site's name, which the server writes into the page shell (src/app/web.ts); the app never hard-codes it. */
export function siteName(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="credlink-site-name"]');
  return meta?.content.trim() || '信用信息公示平台';
}
