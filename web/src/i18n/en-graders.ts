/** English messages of grading the graders, the disputes report and appeals; spread into `en`. */
export const enGraders = {
  'settings.key.appealLevels': 'Dispute levels',
  'settings.key.appealDays': 'Days to appeal to a head',
  'settings.key.disputesPerMonth': 'Disputes per operator per month',
  'settings.help.appealLevels':
    '1: the QA lead’s decision is final; 2: an operator may appeal an upheld dispute once, to a head.',
  'settings.help.appealDays':
    'days after the QA lead upholds a dispute within which the operator may appeal.',
  'settings.help.disputesPerMonth':
    'the most disputes an operator may open in a calendar month; 0: no limit.',
};
