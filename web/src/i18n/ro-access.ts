import type { enAccess } from './en-access.ts';

/** Romanian messages of what a role may open; spread into `ro` (ro.ts). */
export const roAccess: { readonly [K in keyof typeof enAccess]: string } = {
  'nav.myPage': 'Indicatorii mei',
  'back.to': '← {page}',
  'page.operator': 'Operator',
  'page.call': 'Apel',
  'page.evaluation': 'Evaluare',
  'page.calibrationSession': 'Sesiune de calibrare',
  'page.newForm': 'Formular nou',
  'page.editForm': 'Editor de formular',
  'page.importDetail': 'Import',
  'notAvailable.title': 'Indisponibil pentru rolul dvs.',
  'notAvailable.body': 'Această pagină nu este deschisă rolului dvs. ({role}).',
  'notAvailable.home': 'Mergeți la pagina de start: {page}',
  'payRules.current': 'Regula în vigoare',
  'payRules.readOnly': 'Regulile de plată sunt modificate de administrator; aceasta este regula în vigoare.',
};
