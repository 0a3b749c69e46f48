import { type ReactNode, useId } from 'react';

/** What the control of a field is given: the id its label points at, and what describes it. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * One labelled control of a form: the label, the control, then what helps with it (a hint, a
 * notice) and what is wrong with it (an error), all tied to the control, so a screen reader
 * reads them with it and a click on the label reaches it. The control is made by `children` from
 * the ids the field gives it.
 */
export function Field({
  label,
  hint,
  notice,
  error,
  inline = false,
  children,
}: {
  label: ReactNode;
  /** A sentence on what the value means. */
  hint?: ReactNode;
  /** What a change of it does beyond itself, set apart from the hint. */
  notice?: ReactNode;
  /** What is wrong with the value, read out at once. */
  error?: ReactNode;
  /** The label beside the control rather than above it (a filter in a page's header). */
  inline?: boolean;
  children(control: FieldControl): ReactNode;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, notice && `${id}-notice`, error && `${id}-error`].filter(Boolean);
  const control: FieldControl = {
    id,
    ...(described.length > 0 ? { 'aria-describedby': described.join(' ') } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(control)}
      {hint ? (
        <p className="card-meta sentence" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {notice ? (
        <p className="notice sentence" id={`${id}-notice`}>
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="form-error sentence" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
