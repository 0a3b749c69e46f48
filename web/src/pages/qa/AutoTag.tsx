import { useAutoqaRules } from '../../api/autoqa-rules.ts';
import { useCan } from '../../auth/access.tsx';
import { useLanguage, useT } from '../../i18n/index.ts';
import { checkLabel } from '../form-builder/AutoBindingEditor.tsx';

/**
 * "AutoQA: <check>" beside a question bound to a check. Roles that may not read the rule set
 * see the check's key instead of its label.
 */
export function AutoTag({ check }: { check: string }) {
  const t = useT();
  const language = useLanguage();
  const rules = useAutoqaRules(useCan('autoqa.rules.read'));
  const def = rules.data?.ruleSet.checks.find((c) => c.key === check);
  return (
    <span className="badge badge-small" data-auto-check={check}>
      {t('form.autoTag', { check: def ? checkLabel(def, language) : check })}
    </span>
  );
}
