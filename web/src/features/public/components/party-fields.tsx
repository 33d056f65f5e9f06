// Who files: the party's name, its code (a USCC for an organization or individual business, a citizen ID number for a
// person) and how to reach it. Field names follow the API body (party.*), so its error details land beside them.
import { Form, Input, Radio } from 'antd';
import type { Schemas } from '@/lib/api/client.ts';

export interface PartyValues {
  partyKind: 'uscc' | 'citizenId';
  party: { name?: string; uscc?: string; citizenId?: string; contact?: string };
}

export const PARTY_FIELDS = ['party.name', 'party.uscc', 'party.citizenId', 'party.contact'] as const;

export function partyBody(values: PartyValues): Schemas['FilingPartyInput'] {
  const p = values.party;
  return {
    name: p.name ?? '',
    contact: p.contact ?? '',
    ...(values.partyKind === 'uscc' ? { uscc: p.uscc ?? '' } : { citizenId: p.citizenId ?? '' }),
  };
}

export function PartyFields() {
  const kind = Form.useWatch<PartyValues['partyKind']>('partyKind');
  return (
    <fieldset className="card">
      <legend>
        <h2 style={{ margin: 0 }}>当事人</h2>
      </legend>
      <Form.Item name="partyKind" label="当事人类型" initialValue="uscc">
        <Radio.Group
          options={[
            { value: 'uscc', label: '法人和非法人组织、个体工商户' },
            { value: 'citizenId', label: '自然人' },
          ]}
        />
      </Form.Item>
      <Form.Item name={['party', 'name']} label={kind === 'citizenId' ? '姓名' : '名称'} required>
        <Input autoComplete={kind === 'citizenId' ? 'name' : 'organization'} maxLength={200} />
      </Form.Item>
      {kind === 'citizenId' ? (
        <Form.Item
          name={['party', 'citizenId']}
          label="公民身份号码"
          required
          extra="只用于核对身份，本平台只保存其掩码。"
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
      ) : (
        <Form.Item name={['party', 'uscc']} label="统一社会信用代码" required extra="18 位，可在营业执照上找到。">
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
      )}
      <Form.Item name={['party', 'contact']} label="联系方式" required extra="电话或通讯地址，办理中需要时联系您。">
        <Input autoComplete="tel" maxLength={100} />
      </Form.Item>
    </fieldset>
  );
}
