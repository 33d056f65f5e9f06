// What the filing is about: a decision/document number (matched together with the party's code), or the number of
// the publicly shown entry or record (a link from a subject page fills it in: ?stream=entry&id=…).
import { Form, Input, Radio, Select } from 'antd';
import type { Schemas } from '@/lib/api/client.ts';

export interface TargetValues {
  targetBy: 'documentNo' | 'id';
  target: { documentNo?: string; stream?: 'entry' | 'record'; id?: string };
}

export const TARGET_FIELDS = ['target.documentNo', 'target.stream', 'target.id'] as const;

export function targetBody(values: TargetValues): Schemas['PublicTargetInput'] {
  const t = values.target;
  return values.targetBy === 'id' ? { stream: t.stream, id: t.id?.trim() } : { documentNo: t.documentNo };
}

/** Initial values from the page's address (a subject page links here with the entry or record it shows). */
export function targetFromSearch(search: URLSearchParams): Partial<TargetValues> {
  const stream = search.get('stream');
  const id = search.get('id');
  if ((stream === 'entry' || stream === 'record') && id) return { targetBy: 'id', target: { stream, id } };
  return { targetBy: 'documentNo' };
}

export function TargetFields({ what }: { what: string }) {
  const by = Form.useWatch<TargetValues['targetBy']>('targetBy');
  return (
    <fieldset className="card">
      <legend>
        <h2 style={{ margin: 0 }}>{what}</h2>
      </legend>
      <Form.Item name="targetBy" label="指明方式">
        <Radio.Group
          options={[
            { value: 'documentNo', label: '按决定书文号' },
            { value: 'id', label: '按公示信息编号' },
          ]}
        />
      </Form.Item>
      {by === 'id' ? (
        <>
          <Form.Item name={['target', 'stream']} label="信息类别" required>
            <Select
              options={[
                { value: 'entry', label: '红黑名单记录' },
                { value: 'record', label: '失信信息（行政处罚等）' },
              ]}
              placeholder="请选择"
            />
          </Form.Item>
          <Form.Item name={['target', 'id']} label="公示信息编号" required extra="信用信息页面上每条公示信息的编号。">
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name={['target', 'documentNo']}
          label="决定书文号"
          required
          extra="认定决定书文号或行政处罚决定书文号，如：济阳市监罚〔2026〕12号。"
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
      )}
    </fieldset>
  );
}
