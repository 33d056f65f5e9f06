import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading.tsx';

const SERVICES = [
  {
    to: '/services/objection',
    title: '异议申请',
    line: '认为公示的信用信息有误或不应公示的，当事人可以提出异议，并附上证明材料。',
  },
  {
    to: '/services/repair',
    title: '信用修复申请',
    line: '已履行法定义务、纠正失信行为的，可以申请信用修复，提交履行证明和信用承诺。',
  },
  {
    to: '/services/tipoff',
    title: '失信行为举报',
    line: '发现严重失信行为的，可以实名或匿名举报，举报人信息加密保存。',
  },
  {
    to: '/services/tracking',
    title: '办理进度查询',
    line: '凭申请编号和查询密码查询异议、信用修复、举报的办理状态和结果，决定作出前可以撤回申请。',
  },
  {
    to: '/services/identifier',
    title: '代码校验',
    line: '校验统一社会信用代码或公民身份号码的格式，说明哪一位有误。',
  },
];

export function Page() {
  return (
    <>
      <PageHeading title="在线服务" lead="无需注册账号。提交后请妥善保存申请编号和查询密码，凭其查询办理进度。" />
      <ul className="service-list">
        {SERVICES.map((s) => (
          <li key={s.to}>
            <Link to={s.to}>{s.title}</Link>
            <p>{s.line}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
