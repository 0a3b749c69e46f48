/** English messages of what a role may open: start pages, back links, pages of another role. */
export const enAccess = {
  'nav.myPage': 'My scorecard',
  'back.to': '← {page}',
  'page.operator': 'Operator',
  'page.call': 'Call',
  'page.evaluation': 'Evaluation',
  'page.calibrationSession': 'Calibration session',
  'page.newForm': 'New form',
  'page.editForm': 'Form builder',
  'page.importDetail': 'Import',
  'notAvailable.title': 'Not available for your role',
  'notAvailable.body': 'This page is not open to your role ({role}).',
  'notAvailable.home': 'Go to your start page: {page}',
  'payRules.current': 'The rule in force',
  'payRules.readOnly': 'Pay rules are edited by an administrator; this is the rule as it stands.',
} as const;
