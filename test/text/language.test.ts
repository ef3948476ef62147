import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../src/text/language.js';

describe('guessLanguage', () => {
  it.each([
    ['He said that the group was banned from the platform.', 'en'],
    ['Dia mengatakan bahwa kelompok itu dilarang di platform tersebut.', 'id'],
    ['Saya tidak tahu apa yang terjadi.', 'id'],
    // One function word ("tidak") is too little to tell
    ['Saya tidak tahu.', 'und'],
    ['It is what it is.', 'en'],
    ['Juru bicara Taliban Zabihullah Mujahid, yang juga mengoperasikan akun Twitter dengan 232.000 pengikut.', 'id'],
    // English names inside Indonesian text do not outvote it
    ['Konten di Clubhouse dengan ikon teknologi seperti Tesla\'s Elon Musk dan The Post, kata dia.', 'id'],
    // Capitalised function words are names or headline words, not evidence: "Dan" and "The Post"
    ['Dan Brown Meets The Post', 'und'],
    ['Jakarta', 'und'],
    ['Editor: Bagus Putu Ardha Krisna Putra', 'und'],
    ['', 'und'],
    ['12345 67890', 'und'],
    ['the', 'und'],
    // A half-and-half text is not called either way
    ['the group and the app di dalam dan yang', 'und'],
  ] as const)('%j is %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });
});
