import type { enGraders } from './en-graders.ts';

/** Romanian messages of grading the graders, the disputes report and appeals; spread into `ro`. */
export const roGraders: { readonly [K in keyof typeof enGraders]: string } = {
  'settings.key.appealLevels': 'Niveluri de contestare',
  'settings.key.appealDays': 'Zile pentru apel la șef',
  'settings.key.disputesPerMonth': 'Contestări pe operator pe lună',
  'settings.help.appealLevels':
    '1: decizia șefului QA este definitivă; 2: un operator poate face apel o dată, la un șef, împotriva unei contestări respinse.',
  'settings.help.appealDays':
    'zilele după respingerea contestării de către șeful QA în care operatorul poate face apel.',
  'settings.help.disputesPerMonth':
    'câte contestări poate deschide un operator într-o lună calendaristică; 0: fără limită.',
};
