// A file field for filings: the API's limits are shown before anything is chosen, a file that breaks them is refused
// at once with the limit named, and chosen files can be removed. A native file input, so its label names it for
// assistive technology and keyboard users open it like any button; it lies transparent over a button of our own,
// because the browser's own button speaks the browser's language ("Choose Files"), not the page's.
import { Button } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_ACCEPT, ATTACHMENT_RULES, attachmentProblem } from '@/lib/attachments.ts';

interface Props {
  /** Given by Form.Item: the input's id, so the item's label is the input's label. */
  id?: string;
  value?: File[];
  onChange?: (files: File[]) => void;
}

export function AttachmentsField({ id, value = [], onChange }: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const rulesId = `${id ?? 'attachments'}-rules`;

  const add = (chosen: FileList | null) => {
    const kept = [...value];
    const refused: string[] = [];
    for (const file of Array.from(chosen ?? [])) {
      const problem = attachmentProblem(file, kept.length);
      if (problem) refused.push(problem);
      else kept.push(file);
    }
    setProblems(refused);
    onChange?.(kept);
  };

  return (
    <div>
      <p id={rulesId} style={{ margin: '0 0 8px', color: '#595959' }}>
        {ATTACHMENT_RULES}
      </p>
      <span className="file-picker">
        <input
          id={id}
          className="file-input"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-describedby={rulesId}
          onChange={(e) => {
            add(e.target.files);
            // The same file may be chosen again after it was removed.
            e.target.value = '';
          }}
        />
        <span className="file-picker-button" aria-hidden="true">
          选择文件
        </span>
      </span>
      <span className="file-picker-status">{value.length > 0 ? `已选择 ${value.length} 个文件` : '未选择文件'}</span>
      {problems.length > 0 ? (
        <div role="alert" style={{ color: '#c62828', marginTop: 8 }}>
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      ) : null}
      {value.length > 0 ? (
        <ul className="file-list" aria-label="已选择的附件">
          {value.map((file, i) => (
            <li key={`${file.name}-${i}`}>
              <span>
                {file.name}（{Math.max(1, Math.round(file.size / 1024))} KiB）
              </span>
              <Button size="small" onClick={() => onChange?.(value.filter((_, j) => j !== i))}>
                移除 {file.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
