// Shows an API error on an antd form: each message beside the field it names, the rest in an alert above the form.
import { Alert, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '@/lib/api/client.ts';
import { mapApiError } from '@/lib/api-errors.ts';

export function useApiErrors(form: FormInstance, formFields: readonly string[]) {
  const [general, setGeneral] = useState<string[]>([]);

  const show = useCallback(
    (error: unknown) => {
      const body =
        error instanceof ApiError
          ? error.body
          : { error: { code: 'client.error', message: error instanceof Error ? error.message : '提交失败，请重试。' } };
      const mapped = mapApiError(body, formFields);
      const named = Object.entries(mapped.fields);
      form.setFields(named.map(([name, errors]) => ({ name: name.split('.'), errors })));
      setGeneral(mapped.general);
      // Keyboard and screen-reader users land on the first field to correct.
      if (named[0]) form.scrollToField(named[0][0].split('.'), { focus: true, block: 'center' });
    },
    [form, formFields],
  );
  const clear = useCallback(() => setGeneral([]), []);
  return { general, show, clear };
}

export function FormErrorAlert({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title="提交未成功"
      description={
        messages.length === 1 ? (
          messages[0]
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
