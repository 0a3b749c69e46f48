import type { enAuto } from './en-auto.ts';

/** Romanian messages of AutoQA's auto evaluations; spread into `ro` (ro.ts). */
export const roAuto: { readonly [K in keyof typeof enAuto]: string } = {
  'criterion.autoQualityScore': 'Calitate AutoQA',
  'criterion.autoCoverage': 'Acoperire AutoQA',
  'ranking.col.autoQuality': 'Calitate automată',
  'ranking.col.autoCoverage': 'Transcrise',
  'flag.not-auto-evaluated': 'Neevaluat',
  'flag.no-handled-calls': 'Fără apeluri preluate',
  'tile.autoCoverage': 'Apeluri auzite de AutoQA',
  'payRules.quality.source': 'Scorul de calitate citit',
  'payRules.quality.source.human': 'Evaluările monitorilor',
  'payRules.quality.source.auto': 'Evaluările automate AutoQA',
  'payRules.quality.source.blend': 'Pe apel: scorul monitorului unde există, altfel cel AutoQA',
  'payroll.explain.source': 'Calitate citită: {source}',
  'formBuilder.autoFor': 'Evaluat automat de AutoQA',
  'formBuilder.autoFor.none': 'Niciun apel',
  'formBuilder.autoFor.inbound': 'Apeluri de intrare',
  'formBuilder.autoFor.outbound': 'Apeluri de ieșire',
  'formBuilder.autoFor.all': 'Toate apelurile',
  'formBuilder.autoCheck': 'Răspunde verificarea AutoQA',
  'formBuilder.autoCheck.none': 'Niciuna',
  'formBuilder.autoCheck.pass': 'Răspuns la trecere',
  'formBuilder.autoCheck.fail': 'Răspuns la eșec',
  'formBuilder.autoCheck.default': 'Implicit',
  'form.autoTag': 'AutoQA: {check}',
};
