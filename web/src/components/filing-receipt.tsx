// The answer to a filing: its number and tracking secret, shown once. The secret is never put in a URL: the link to
// tracking carries the number only.
import { Alert, Button, Descriptions, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';

interface Props {
  kind: string;
  applicationNo: string;
  trackingSecret: string;
}

export function FilingReceipt({ kind, applicationNo, trackingSecret }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what}已复制。`);
    } catch {
      setCopied(`无法自动复制，请手工记下${what}。`);
    }
  };

  return (
    <section className="card" aria-labelledby="receipt-heading" data-testid="filing-receipt">
      <h2 id="receipt-heading" ref={heading} tabIndex={-1}>
        {kind}已提交
      </h2>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="请立即记下申请编号和查询密码"
        description="查询密码只显示这一次，本平台不保存其明文，丢失后无法找回。凭申请编号和查询密码可查询办理进度和结果。"
      />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="申请编号">
          <span className="secret-value" data-testid="receipt-application-no">
            {applicationNo}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="查询密码">
          <span className="secret-value" data-testid="receipt-tracking-secret">
            {trackingSecret}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 16 }}>
        <Button onClick={() => void copy('申请编号', applicationNo)}>复制申请编号</Button>
        <Button onClick={() => void copy('查询密码', trackingSecret)}>复制查询密码</Button>
        <Button
          onClick={() => void copy('申请编号和查询密码', `申请编号：${applicationNo}\n查询密码：${trackingSecret}`)}
        >
          全部复制
        </Button>
        <Link to={`/services/tracking?no=${encodeURIComponent(applicationNo)}`}>查询办理进度</Link>
      </Space>
      <p role="status" style={{ minHeight: '1.6em', margin: '8px 0 0' }}>
        {copied}
      </p>
    </section>
  );
}
