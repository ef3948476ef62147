import type { Alignment, Document, Sentence } from '../../src/types.js';

export function document(path: string, lang: Document['lang'], texts: readonly string[]): Document {
  const sentences: Sentence[] = [];
  let text = '';
  for (const [k, sentenceText] of texts.entries()) {
    if (k > 0) text += ' ';
    sentences.push({ text: sentenceText, start: text.length, end: text.length + sentenceText.length, paragraph: 0 });
    text += sentenceText;
  }
  return { path, lang, text, sentences };
}

/** A small alignment with every kind of pair, and text that needs escaping in CSV and XML. */
export const alignment: Alignment = {
  source: document('a.en.txt', 'en', [
    'The app has 232,000 followers.',
    'He said "no", then <left> & went.',
    'AFP first covered it.',
    'Second, part one.',
    'Part two.',
  ]),
  target: document('a.id.txt', 'id', [
    'Aplikasi itu punya 232.000 pengikut.',
    'Dia bilang "tidak", lalu <pergi> & pergi.',
    'Baca Juga: berita lain',
    'Bagian kedua, satu dan dua.',
  ]),
  model: 'test',
  pairs: [
    { source: [0], target: [0], status: 'aligned', score: 0.91, differences: [] },
    {
      source: [1],
      target: [1],
      status: 'aligned',
      score: 0.7,
      differences: [{ kind: 'name', source: 'AFP', target: null, detail: 'only in the source' }],
    },
    { source: [2], target: [], status: 'omitted', score: 0.8, differences: [] },
    { source: [], target: [2], status: 'added', score: 0.95, differences: [] },
    { source: [3, 4], target: [3], status: 'aligned', score: 0.6, differences: [] },
  ],
};
