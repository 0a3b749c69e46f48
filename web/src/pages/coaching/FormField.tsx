import { useForms } from '../../api/qa.ts';
import { useT } from '../../i18n/index.ts';

/** The monitoring form to use: a labelled select of every form (a coaching goal, a self-evaluation). */
export function FormField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (formId: string) => void;
}) {
  const t = useT();
  const forms = useForms();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('coaching.new.form')}
      </label>
      <select id={id} className="select" required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('coaching.new.choose')}</option>
        {(forms.data?.forms ?? []).map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}
