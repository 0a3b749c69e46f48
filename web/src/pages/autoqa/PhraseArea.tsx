import { useId, useState } from 'react';
import { linesOf } from './check-fields.ts';

/**
 * One list of phrases, one a line: a line added is a phrase added, a line cleared one removed.
 * The box keeps its own text, so a blank line being typed is not swallowed; `phrases` seed it.
 */
export function PhraseArea({
  label,
  phrases,
  onChange,
  readOnly,
}: {
  label: string;
  phrases: readonly string[];
  onChange: (phrases: string[]) => void;
  readOnly: boolean;
}) {
  const id = useId();
  const [text, setText] = useState(phrases.join('\n'));
  return (
    <div className="field aq-phrases">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="textarea"
        rows={Math.min(8, Math.max(3, phrases.length + 1))}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          onChange(linesOf(e.target.value));
        }}
      />
    </div>
  );
}
