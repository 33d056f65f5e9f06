// /services/objection: a party objects to information shown about it (POST /api/v1/public/objections).
import { Button, Form, Input } from 'antd';
import { useSearchParams } from 'react-router';
import { AttachmentsField } from '@/components/attachments-field.tsx';
import { FormErrorAlert, useApiErrors } from '@/components/api-errors.tsx';
import { FilingReceipt } from '@/components/filing-receipt.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { toAttachmentUpload } from '@/lib/attachments.ts';
import { useFileObjection } from '../api/filings.ts';
import { PARTY_FIELDS, partyBody, PartyFields, type PartyValues } from '../components/party-fields.tsx';
import {
  TARGET_FIELDS,
  targetBody,
  TargetFields,
  targetFromSearch,
  type TargetValues,
} from '../components/target-fields.tsx';

type Values = PartyValues & TargetValues & { content?: string; attachments?: File[] };

const FIELDS = [...PARTY_FIELDS, ...TARGET_FIELDS, 'content', 'attachments'];

export function Page() {
  const [form] = Form.useForm<Values>();
  const [search] = useSearchParams();
  const filing = useFileObjection();
  const errors = useApiErrors(form, FIELDS);

  const submit = async (values: Values) => {
    errors.clear();
    try {
      const attachments = await Promise.all((values.attachments ?? []).map(toAttachmentUpload));
      await filing.mutateAsync({
        party: partyBody(values),
        target: targetBody(values),
        content: values.content ?? '',
        attachments,
      });
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <>
      <PageHeading
        title="异议申请"
        lead="认为公示的信用信息存在错误、遗漏，或不应公示的，信息主体可以提出异议。受理部门在规定的工作日内核查并答复。"
      />
      {filing.data ? (
        <FilingReceipt kind="异议申请" {...filing.data} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={targetFromSearch(search)}
          onFinish={(values) => void submit(values)}
          scrollToFirstError={{ focus: true }}
        >
          <FormErrorAlert messages={errors.general} />
          <PartyFields />
          <TargetFields what="异议的信息" />
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>异议内容</h2>
            </legend>
            <Form.Item
              name="content"
              label="异议的事实和理由"
              required
              extra="说明哪项信息有误或为何不应公示，最多 5000 字。"
            >
              <Input.TextArea rows={6} maxLength={5000} />
            </Form.Item>
            <Form.Item name="attachments" label="证明材料" valuePropName="value">
              <AttachmentsField />
            </Form.Item>
          </fieldset>
          <Button type="primary" htmlType="submit" size="large" loading={filing.isPending}>
            提交异议
          </Button>
        </Form>
      )}
    </>
  );
}
