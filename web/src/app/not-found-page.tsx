import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="页面不存在" />
      <p>
        您访问的在线服务页面不存在。请返回<Link to="/services">在线服务</Link>选择要办理的事项。
      </p>
    </>
  );
}
