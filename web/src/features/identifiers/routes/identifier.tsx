// /services/identifier: checks a USCC or citizen ID number and explains what is wrong with it (POST
// /api/v1/identifiers; nothing is looked up or stored).
import { Alert, Button, Form, Input } from 'antd';
import { FormErrorAlert, useApiErrors } from '@/components/api-errors.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { useCheckIdentifier } from '../api/check-identifier.ts';

const TYPES = { uscc: '统一社会信用代码', citizen_id: '公民身份号码' } as const;

export function Page() {
  const [form] = Form.useForm<{ code?: string }>();
  const check = useCheckIdentifier();
  const errors = useApiErrors(form, ['code']);
  const result = check.data;

  const submit = async ({ code }: { code?: string }) => {
    errors.clear();
    try {
      await check.mutateAsync(code ?? '');
    } catch (error) {
      errors.show(error);
    }
  };

  const what = result?.type ? TYPES[result.type] : '号码';
  const problems = result?.problems ?? [];
  return (
    <>
      <PageHeading
        title="代码校验"
        lead="校验统一社会信用代码（GB 32100）或公民身份号码（GB 11643）的格式和校验码。只校验格式，不查询、不保存。"
      />
      <Form
        form={form}
        layout="vertical"
        className="card"
        onFinish={(values) => void submit(values)}
        onValuesChange={() => check.reset()}
      >
        <FormErrorAlert messages={errors.general} />
        <Form.Item
          name="code"
          label="统一社会信用代码或公民身份号码"
          required
          extra="可含空格、全角字符和小写字母，会自动规范化。"
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={check.isPending}>
          校验
        </Button>
      </Form>
      <div aria-live="polite" data-testid="identifier-result">
        {result ? (
          <Alert
            type={result.valid ? (problems.length > 0 ? 'warning' : 'success') : 'error'}
            showIcon
            title={result.valid ? `这是有效的${what}` : `这不是有效的${what}`}
            description={
              <>
                {result.normalized ? <p style={{ margin: 0 }}>规范化后：{result.normalized}</p> : null}
                {problems.length > 0 ? (
                  <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
                    {problems.map((p) => (
                      <li key={p.code}>
                        {p.severity === 'warning' ? '提示：' : ''}
                        {p.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            }
          />
        ) : null}
      </div>
    </>
  );
}
