// The portal's frame, as on the server-rendered pages: skip link, header with the site name and the navigation,
// the page, and the footer. Links to the reading pages are plain links (the server renders them).
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { siteName } from '@/lib/site.ts';

const NAV = [
  { href: '/', label: '首页' },
  { href: '/search', label: '信用查询' },
  { href: '/lists/red', label: '红名单' },
  { href: '/lists/black', label: '黑名单' },
  { href: '/exposure', label: '曝光台' },
  { href: '/policies', label: '政策与指南' },
];

export function PortalLayout() {
  const name = siteName();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);

  // After moving to another service page, focus goes to its content, as a full page load would put it at the top.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <a className="portal-site-name" href="/">
            {name}
          </a>
          <nav aria-label="主导航">
            <ul className="portal-nav">
              {NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
              <li>
                <NavLink to="/services" end={false}>
                  在线服务
                </NavLink>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="portal-main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div className="portal-footer-inner">
          <p>{name}</p>
          <p>
            本平台公示信息依据《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》及相关规定公开，个人信息依法脱敏。
          </p>
          <p>
            <a href="/policies">政策与指南</a>
            <span aria-hidden="true"> · </span>
            <Link to="/services/tracking">办理进度查询</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
