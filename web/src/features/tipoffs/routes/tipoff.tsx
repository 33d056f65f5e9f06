// /services/tipoff: anyone reports serious dishonesty, by name or anonymously (POST /api/v1/public/tipoffs). The
// reporter's details and the files are sealed on the server; only the handler may open them.
import { Button, Form, Input, Radio } from 'antd';
import { AttachmentsField } from '@/components/attachments-field.tsx';
import { FormErrorAlert, useApiErrors } from '@/components/api-errors.tsx';
import { FilingReceipt } from '@/components/filing-receipt.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { toAttachmentUpload } from '@/lib/attachments.ts';
import { useFileTipoff } from '../api/file-tipoff.ts';

interface Values {
  subject?: { name?: string; uscc?: string };
  content?: string;
  anonymous: boolean;
  reporter?: { name?: string; contact?: string; citizenId?: string };
  attachments?: File[];
}

const FIELDS = [
  'subject.name',
  'subject.uscc',
  'content',
  'anonymous',
  'reporter.name',
  'reporter.contact',
  'reporter.citizenId',
  'attachments',
];

const optional = (text?: string) => (text && text.trim() !== '' ? text : undefined);

export function Page() {
  const [form] = Form.useForm<Values>();
  const filing = useFileTipoff();
  const errors = useApiErrors(form, FIELDS);
  const anonymous = Form.useWatch('anonymous', form);

  const submit = async (values: Values) => {
    errors.clear();
    try {
      const attachments = await Promise.all((values.attachments ?? []).map(toAttachmentUpload));
      const r = values.reporter;
      await filing.mutateAsync({
        subject: { name: values.subject?.name ?? '', uscc: optional(values.subject?.uscc) },
        content: values.content ?? '',
        anonymous: values.anonymous,
        ...(values.anonymous
          ? {}
          : { reporter: { name: r?.name ?? '', contact: r?.contact ?? '', citizenId: optional(r?.citizenId) } }),
        attachments,
      });
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <>
      <PageHeading
        title="失信行为举报"
        lead="发现严重失信行为的，可以实名或匿名举报。举报人信息和附件加密保存，仅承办人可以查看。"
      />
      {filing.data ? (
        <FilingReceipt kind="举报" {...filing.data} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ anonymous: false }}
          onFinish={(values) => void submit(values)}
          scrollToFirstError={{ focus: true }}
        >
          <FormErrorAlert messages={errors.general} />
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>被举报的主体</h2>
            </legend>
            <Form.Item name={['subject', 'name']} label="主体名称" required>
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
            <Form.Item name={['subject', 'uscc']} label="统一社会信用代码（知道时填写）">
              <Input autoComplete="off" maxLength={40} />
            </Form.Item>
          </fieldset>
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>举报内容</h2>
            </legend>
            <Form.Item
              name="content"
              label="涉嫌严重失信的事实"
              required
              extra="写明时间、地点、经过等，最多 10000 字。"
            >
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
            <Form.Item name="attachments" label="证据材料">
              <AttachmentsField />
            </Form.Item>
          </fieldset>
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>举报人</h2>
            </legend>
            <Form.Item name="anonymous" label="举报方式">
              <Radio.Group
                options={[
                  { value: false, label: '实名举报' },
                  { value: true, label: '匿名举报' },
                ]}
              />
            </Form.Item>
            {anonymous ? (
              <p>匿名举报无需填写举报人信息；请保存好举报编号和查询密码，以便查询办理结果。</p>
            ) : (
              <>
                <Form.Item name={['reporter', 'name']} label="举报人姓名" required>
                  <Input autoComplete="name" maxLength={100} />
                </Form.Item>
                <Form.Item name={['reporter', 'contact']} label="联系方式" required extra="电话、邮箱或地址。">
                  <Input autoComplete="tel" maxLength={200} />
                </Form.Item>
                <Form.Item name={['reporter', 'citizenId']} label="公民身份号码（可选）">
                  <Input autoComplete="off" maxLength={40} />
                </Form.Item>
              </>
            )}
          </fieldset>
          <Button type="primary" htmlType="submit" size="large" loading={filing.isPending}>
            提交举报
          </Button>
        </Form>
      )}
    </>
  );
}
