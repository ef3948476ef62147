/**
 * Abbreviations whose period does not end a sentence, in English and Indonesian.
 *
 * Sources: the Indonesian spelling rules (PUEBI: titles, degrees and forms of address such as H., Hj., S.H.,
 * M.Si., Sdr., Kol.; three-letter forms dll., dsb., dst., hlm., yth.; letter forms a.n., d.a., u.b., u.p., s.d.),
 * the list of Indonesian abbreviations on id.wiktionary.org (Daftar singkatan dan akronim bahasa Indonesia, as
 * collected for spaCy's Indonesian tokenizer), and sentence-splitter's own English list.
 *
 * Matching is case-sensitive on purpose: "Gen. Smith" is a title but "perubahan gen. Para ilmuwan" ends a
 * sentence ("gen" is Indonesian for gene); variants that occur in print ("dr." and "Dr.") are listed explicitly.
 */
import type { Language } from 'sentence-splitter/lang';

/** Always followed by a name, a number or a place: never the last word of a sentence. */
export const PREPOSITIVE_ABBREVIATIONS: readonly string[] = [
  // English titles and ranks
  'Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Dr.', 'Prof.', 'Gen.', 'Col.', 'Capt.', 'Lt.', 'Sgt.', 'Maj.', 'Adm.',
  'Cmdr.', 'Cpl.', 'Gov.', 'Sen.', 'Sens.', 'Rep.', 'Reps.', 'Rev.', 'Supt.', 'Det.', 'Insp.', 'Hon.', 'Pres.',
  'St.', 'Mt.', 'Ft.', 'Brig.', 'Lt.Col.',
  // English Latin forms that always introduce something
  'e.g.', 'i.e.', 'cf.', 'viz.', 'vs.', 'v.',
  // Indonesian streets, money, companies
  'Jl.', 'Jln.', 'Gg.', 'Rp.', 'PT.', 'CV.',
  // Indonesian ranks, titles and forms of address
  'Jend.', 'Letjen.', 'Mayjen.', 'Brigjen.', 'Laksda.', 'Marsda.', 'Kol.', 'Letkol.', 'Kapt.', 'Pol.', 'Ir.',
  'Drs.', 'Dra.', 'dr.', 'drg.', 'drh.', 'Hj.', 'KH.', 'K.H.', 'Ust.', 'Pdt.', 'Rm.', 'Sdr.', 'Sdri.', 'Bpk.',
  'Bp.', 'Yth.', 'yth.', 'Tn.', 'Ny.', 'Nn.', 'Moh.', 'Muh.', 'Mhd.', 'Rr.', 'R.A.', 'R.M.', 'R.Ay.', 'Plt.',
  'Pjs.',
  // Indonesian places
  'Kab.', 'Kec.', 'Kel.', 'Ds.', 'Kp.', 'Prov.',
  // Indonesian letter forms: "a.n. Budi", "u.p. Direktur", "1 s.d. 5"
  'a.n.', 'u.p.', 'u.b.', 'd.a.', 's.d.', 'a.l.',
];

/**
 * May end a sentence ("... and other fruit, etc. The next ..."), so the period ends it only when the next word
 * starts with a capital letter; before a digit, a bracket or a lower-case word it does not.
 */
export const AMBIGUOUS_ABBREVIATIONS: readonly string[] = [
  // English companies, names, time, references
  'Inc.', 'Ltd.', 'Co.', 'Corp.', 'Bros.', 'Jr.', 'Sr.', 'Esq.', 'etc.', 'a.m.', 'p.m.', 'No.', 'Nos.', 'no.',
  'Vol.', 'vol.', 'pp.', 'p.', 'Fig.', 'fig.', 'ed.', 'eds.', 'est.', 'approx.', 'ca.', 'al.', 'Dept.', 'Univ.',
  'Ave.', 'Blvd.', 'Rd.', 'Ph.D.', 'M.D.', 'B.A.', 'M.A.', 'B.Sc.', 'M.Sc.', 'MBA.',
  // English months
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  // Indonesian months
  'Agu.', 'Ags.', 'Okt.', 'Des.',
  // Indonesian three-letter forms and references
  'dll.', 'dsb.', 'dst.', 'dkk.', 'tsb.', 'sda.', 'ybs.', 'hlm.', 'hal.', 'Hal.', 'tgl.', 'Tgl.', 'th.', 'thn.',
  'bln.', 'ttd.', 'tel.', 'telp.', 'Telp.', 'faks.', 'Tbk.', 'Lc.', 'Purn.',
  // Indonesian degrees, written after a name ("Budi Santoso, S.H., M.Si. mengatakan")
  'S.H.', 'M.H.', 'S.E.', 'M.E.', 'S.T.', 'M.T.', 'S.Si.', 'M.Si.', 'S.Sos.', 'S.Kom.', 'M.Kom.', 'S.Pd.',
  'M.Pd.', 'S.Ag.', 'M.Ag.', 'S.Psi.', 'M.Psi.', 'S.Hum.', 'M.Hum.', 'S.Ked.', 'S.Kep.', 'M.Kes.', 'S.Farm.',
  'S.IP.', 'S.I.Kom.', 'M.I.Kom.', 'S.S.', 'S.P.', 'M.P.', 'M.M.', 'S.Pd.I.', 'A.Md.', 'Sp.A.', 'Sp.B.',
  'Sp.PD.', 'Sp.OG.', 'Sp.JP.', 'Sp.KJ.', 'Sp.M.', 'Sp.THT.', 'Sp.P.',
];

const prepositive = new Set(PREPOSITIVE_ABBREVIATIONS);
const ambiguous = new Set(AMBIGUOUS_ABBREVIATIONS);

/** "DR." and "JL." are the capitalised "Dr." and "Jl." of a headline or an all-caps byline. */
function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

export function isPrepositiveAbbreviation(word: string): boolean {
  if (prepositive.has(word)) return true;
  const hasTwoLetters = /\p{Lu}.*\p{Lu}/u.test(word);
  return hasTwoLetters && word === word.toUpperCase() && prepositive.has(titleCase(word));
}

export function isAmbiguousAbbreviation(word: string): boolean {
  return ambiguous.has(word);
}

/**
 * What sentence-splitter is given as its language: no abbreviation lists. It compares every list entry,
 * case-insensitively, at every word, which made splitting four times slower (measured on 9,000 sentences of the
 * seed articles: 1.2 s with these lists, 0.37 s without), and its case-insensitive match is wrong for us
 * ("gen." is a word in Indonesian). The lists above are applied instead by the correction pass in
 * sentence-rules.ts, with set lookups, to every break sentence-splitter proposes.
 */
export const SPLITTER_LANGUAGE: Language = {
  ABBREVIATIONS: [],
  PREPOSITIVE_ABBREVIATIONS: [],
  EXCLAMATION_WORDS: ['Yahoo!'],
};
