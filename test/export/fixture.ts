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

/**
 * An alignment with a moved passage: source sentence 1 stands at target position 2, its translation; each keeps
 * its omitted or added pair, marked with the move.
 */
export const movedAlignment: Alignment = {
  source: document('m.en.txt', 'en', ['The minister arrived.', 'Police said the road was closed.', 'Talks began at noon.']),
  target: document('m.id.txt', 'id', ['Menteri tiba.', 'Perundingan dimulai siang hari.', 'Polisi mengatakan jalan ditutup.']),
  model: 'test',
  pairs: [
    { source: [0], target: [0], status: 'aligned', score: 0.9, differences: [] },
    { source: [1], target: [], status: 'omitted', score: 0.8, differences: [], move: 0 },
    { source: [2], target: [1], status: 'aligned', score: 0.85, differences: [] },
    { source: [], target: [2], status: 'added', score: 0.8, differences: [], move: 0 },
  ],
  moves: [
    {
      source: [1],
      target: [2],
      score: 0.88,
      differences: [{ kind: 'name', source: 'Police', target: null, detail: 'only in source' }],
      pairs: [{ source: [1], target: [2], score: 0.88 }],
    },
  ],
};
