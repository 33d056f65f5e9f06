// /services/repair: a party applies for credit repair, or for measures to be paused under a court-approved
// reorganization (POST /api/v1/public/repairs).
import { Button, Form, Input, Radio } from 'antd';
import { useSearchParams } from 'react-router';
import { AttachmentsField } from '@/components/attachments-field.tsx';
import { FormErrorAlert, useApiErrors } from '@/components/api-errors.tsx';
import { FilingReceipt } from '@/components/filing-receipt.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { toAttachmentUpload } from '@/lib/attachments.ts';
import { useFileRepair } from '../api/filings.ts';
import { PARTY_FIELDS, partyBody, PartyFields, type PartyValues } from '../components/party-fields.tsx';
import {
  TARGET_FIELDS,
  targetBody,
  TargetFields,
  targetFromSearch,
  type TargetValues,
} from '../components/target-fields.tsx';

type Values = PartyValues &
  TargetValues & {
    kind: 'repair' | 'reorganization';
    courtDocumentNo?: string;
    proof?: { text?: string; attachments?: File[] };
    commitment?: { content?: string };
  };

const FIELDS = [
  'kind',
  'courtDocumentNo',
  ...PARTY_FIELDS,
  ...TARGET_FIELDS,
  'proof.text',
  'proof.attachments',
  'commitment.content',
];

export function Page() {
  const [form] = Form.useForm<Values>();
  const [search] = useSearchParams();
  const filing = useFileRepair();
  const errors = useApiErrors(form, FIELDS);
  const kind = Form.useWatch('kind', form);

  const submit = async (values: Values) => {
    errors.clear();
    try {
      const attachments = await Promise.all((values.proof?.attachments ?? []).map(toAttachmentUpload));
      await filing.mutateAsync({
        kind: values.kind,
        party: partyBody(values),
        target: targetBody(values),
        proof: { text: values.proof?.text ?? '', attachments },
        commitment: { content: values.commitment?.content ?? '' },
        ...(values.kind === 'reorganization' ? { courtDocumentNo: values.courtDocumentNo ?? '' } : {}),
      });
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <>
      <PageHeading
        title="信用修复申请"
        lead="已履行法定义务、纠正失信行为的，可以申请信用修复。未届满最短公示期限的，查询办理进度时可以看到最早可申请日期。"
      />
      {filing.data ? (
        <FilingReceipt kind="信用修复申请" {...filing.data} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'repair', ...targetFromSearch(search) }}
          onFinish={(values) => void submit(values)}
          scrollToFirstError={{ focus: true }}
        >
          <FormErrorAlert messages={errors.general} />
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>申请事项</h2>
            </legend>
            <Form.Item name="kind" label="申请类型">
              <Radio.Group
                options={[
                  { value: 'repair', label: '信用修复' },
                  { value: 'reorganization', label: '重整、和解期间暂停实施惩戒措施' },
                ]}
              />
            </Form.Item>
            {kind === 'reorganization' ? (
              <Form.Item
                name="courtDocumentNo"
                label="法院裁定书文号"
                required
                extra="法院批准重整计划或认可和解协议的裁定书文号。"
              >
                <Input autoComplete="off" maxLength={100} />
              </Form.Item>
            ) : null}
          </fieldset>
          <PartyFields />
          <TargetFields what="申请修复的信息" />
          <fieldset className="card">
            <legend>
              <h2 style={{ margin: 0 }}>履行证明和信用承诺</h2>
            </legend>
            <Form.Item
              name={['proof', 'text']}
              label="履行法定义务、纠正失信行为的说明"
              required
              extra="如：已缴清罚款、已整改完毕，以及完成的日期。最多 5000 字。"
            >
              <Input.TextArea rows={5} maxLength={5000} />
            </Form.Item>
            <Form.Item name={['proof', 'attachments']} label="履行证明材料">
              <AttachmentsField />
            </Form.Item>
            <Form.Item
              name={['commitment', 'content']}
              label="信用承诺"
              required
              extra="信用承诺将公开；违背承诺的，将按最长公示期限重新公示。最多 5000 字。"
            >
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </fieldset>
          <Button type="primary" htmlType="submit" size="large" loading={filing.isPending}>
            提交信用修复申请
          </Button>
        </Form>
      )}
    </>
  );
}
