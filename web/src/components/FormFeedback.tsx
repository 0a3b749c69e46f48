import { useT } from '../i18n/index.ts';
import { errorMessage } from './states.tsx';

/**
 * What a form's last action came to, under its buttons: what was done (read out politely) and
 * what failed (read out at once). `inline` for a toolbar, where both sit in the line.
 */
export function FormFeedback({
  ok,
  error,
  inline = false,
}: {
  ok?: string | false | null;
  error?: unknown;
  inline?: boolean;
}) {
  const t = useT();
  const Tag = inline ? 'span' : 'p';
  return (
    <>
      {ok ? (
        <Tag className={inline ? 'form-ok inline-ok' : 'form-ok'} role="status">
          {ok}
        </Tag>
      ) : null}
      {error != null && error !== false ? (
        <Tag className="form-error sentence" role="alert">
          {errorMessage(error, t)}
        </Tag>
      ) : null}
    </>
  );
}
