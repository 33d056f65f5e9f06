// /services/tracking: status and result of an objection, repair or tip-off by its number and tracking secret; a
// withdrawal before the decision. A filing's receipt links here with ?no=<number>; the secret is never in the URL.
import { Button, Form, Input } from 'antd';
import { useSearchParams } from 'react-router';
import { FormErrorAlert, useApiErrors } from '@/components/api-errors.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import type { Schemas } from '@/lib/api/client.ts';
import { useTrack, useWithdraw } from '../api/filings.ts';
import { TrackingResult } from '../components/tracking-result.tsx';

type Values = Schemas['TrackingRequestInput'];
const FIELDS = ['applicationNo', 'trackingSecret'];

export function Page() {
  const [form] = Form.useForm<Values>();
  const [search] = useSearchParams();
  const tracking = useTrack();
  const withdrawal = useWithdraw();
  const errors = useApiErrors(form, FIELDS);
  const view = withdrawal.data ?? tracking.data;

  const track = async (values: Values) => {
    errors.clear();
    withdrawal.reset();
    try {
      await tracking.mutateAsync(values);
    } catch (error) {
      errors.show(error);
    }
  };
  const withdraw = async () => {
    errors.clear();
    try {
      await withdrawal.mutateAsync(form.getFieldsValue());
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <>
      <PageHeading
        title="办理进度查询"
        lead="凭提交时取得的申请编号和查询密码，查询异议、信用修复、举报的办理状态和结果。"
      />
      <Form
        form={form}
        layout="vertical"
        className="card"
        initialValues={{ applicationNo: search.get('no') ?? '' }}
        onFinish={(values) => void track(values)}
        // Withdrawal acts on the number and secret in the form: a result stays only while they are the ones it shows.
        onValuesChange={() => {
          tracking.reset();
          withdrawal.reset();
        }}
      >
        <FormErrorAlert messages={errors.general} />
        <Form.Item name="applicationNo" label="申请编号" required extra="异议以 YY、信用修复以 XF、举报以 JB 开头。">
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="trackingSecret" label="查询密码" required>
          <Input.Password autoComplete="off" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={tracking.isPending}>
          查询
        </Button>
      </Form>
      {view ? (
        <div aria-live="polite">
          {withdrawal.data ? <p role="status">申请已撤回。</p> : null}
          <TrackingResult view={view} withdrawing={withdrawal.isPending} onWithdraw={() => void withdraw()} />
        </div>
      ) : null}
    </>
  );
}
