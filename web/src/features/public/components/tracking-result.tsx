// What tracking shows: the state in Chinese, the dates so far, the decision with its reasons and remedies, and the
// withdrawal a party may still make before a decision.
import { Alert, Button, Descriptions, Space, Steps } from 'antd';
import { useState } from 'react';
import type { Schemas } from '@/lib/api/client.ts';

type View = Schemas['TrackingView'];

const OUTCOMES: Record<View['kind'], Record<string, string>> = {
  objection: { accepted: '异议成立，信息已予更正或撤下', rejected: '异议不成立', withdrawn: '已撤回' },
  repair: { approved: '准予修复', rejected: '不予修复', refused: '不予受理', withdrawn: '已撤回' },
  tipoff: {},
};

export const outcomeLabel = (view: View) =>
  view.outcome === null ? null : (OUTCOMES[view.kind][view.outcome] ?? view.outcome);

function history(view: View) {
  const steps = [{ title: '提交', description: view.filedDate }];
  if (view.decisionDate) steps.push({ title: outcomeLabel(view) ?? '作出决定', description: view.decisionDate });
  else if (view.outcome === 'withdrawn') steps.push({ title: '已撤回', description: '' });
  else steps.push({ title: view.stateLabel, description: view.dueDate ? `办理期限 ${view.dueDate}` : '' });
  return steps;
}

interface Props {
  view: View;
  withdrawing: boolean;
  onWithdraw: () => void;
}

export function TrackingResult({ view, withdrawing, onWithdraw }: Props) {
  const [confirming, setConfirming] = useState(false);
  const outcome = outcomeLabel(view);
  return (
    <section className="card" aria-labelledby="tracking-result-heading" data-testid="tracking-result">
      <h2 id="tracking-result-heading">
        {view.kindLabel}
        {view.kind === 'tipoff' ? '' : '申请'} {view.applicationNo}
      </h2>
      <Steps
        size="small"
        current={history(view).length - 1}
        items={history(view)}
        style={{ marginBottom: 16 }}
        aria-label="办理经过"
      />
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="办理状态">
          <strong data-testid="tracking-state">{view.stateLabel}</strong>
        </Descriptions.Item>
        <Descriptions.Item label="提交日期">{view.filedDate}</Descriptions.Item>
        {view.dueDate ? <Descriptions.Item label="办理期限">{view.dueDate} 前</Descriptions.Item> : null}
        {outcome ? <Descriptions.Item label="办理结果">{outcome}</Descriptions.Item> : null}
        {view.decisionDate ? <Descriptions.Item label="决定日期">{view.decisionDate}</Descriptions.Item> : null}
        {view.reason ? <Descriptions.Item label="理由">{view.reason}</Descriptions.Item> : null}
        {view.remedies ? <Descriptions.Item label="救济途径">{view.remedies}</Descriptions.Item> : null}
        {view.earliestDate ? <Descriptions.Item label="最早可申请日期">{view.earliestDate}</Descriptions.Item> : null}
        {view.result ? <Descriptions.Item label="办结结果">{view.result}</Descriptions.Item> : null}
      </Descriptions>
      {view.withdrawable ? (
        <div style={{ marginTop: 16 }}>
          {confirming ? (
            <Alert
              type="warning"
              showIcon
              title="确认撤回这份申请？"
              description={
                <>
                  <p style={{ margin: '0 0 8px' }}>撤回后办理终止，不能恢复；如需办理须重新提交。</p>
                  <Space wrap>
                    <Button danger type="primary" loading={withdrawing} onClick={onWithdraw}>
                      确认撤回
                    </Button>
                    <Button onClick={() => setConfirming(false)}>不撤回</Button>
                  </Space>
                </>
              }
            />
          ) : (
            <Button onClick={() => setConfirming(true)}>撤回申请</Button>
          )}
        </div>
      ) : null}
    </section>
  );
}
