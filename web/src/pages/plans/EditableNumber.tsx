import { useEffect, useState } from 'react';
import { errorMessage } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

/**
 * A number edited in place: saved on Enter or when focus leaves, cleared to remove it. Shows
 * "Saved" or the server's message beside it.
 */
export function EditableNumber({
  value,
  label,
  disabled,
  placeholder,
  onSave,
}: {
  value: number | null;
  label: string;
  disabled: boolean;
  placeholder?: string;
  onSave(next: number | null): Promise<unknown>;
}) {
  const t = useT();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [state, setState] = useState<{ kind: 'idle' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const commit = async () => {
    const trimmed = text.trim().replace(',', '.');
    const next = trimmed === '' ? null : Number(trimmed);
    if (next === value || (next !== null && Number.isNaN(next))) return;
    try {
      await onSave(next);
      setState({ kind: 'saved' });
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e, t) });
    }
  };
  return (
    <span className="editable">
      <input
        className="input input-small num-input"
        inputMode="decimal"
        aria-label={label}
        title={t('plans.saveHint')}
        placeholder={placeholder}
        disabled={disabled}
        value={text}
        aria-invalid={state.kind === 'error'}
        onChange={(e) => {
          setText(e.target.value);
          setState({ kind: 'idle' });
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
        }}
      />
      {state.kind === 'saved' && <span className="editable-ok">{t('plans.saved')}</span>}
      {state.kind === 'error' && (
        <span className="form-error sentence" role="alert">
          {state.message}
        </span>
      )}
    </span>
  );
}
