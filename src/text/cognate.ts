/**
 * Spelling that English and Indonesian cognates share, used by the lexical embedder (features that survive
 * translation) and by the name matcher (Amerika / America, Afganistan / Afghanistan).
 */

/**
 * A spelling skeleton that English and Indonesian forms of a name share: -tion -> si, -ity -> itas, c/ch/q -> k, ph -> f, gh/kh/th/dh -> the
 * plain consonant, sy/sh -> s, oe -> u (old Indonesian spelling), y -> i, doubled letters single.
 */
export function skeleton(folded: string): string {
  return folded
    .replace(/[^a-z]/g, '')
    // English Latinate endings as Indonesian spells them: coordination / koordinasi, ethnicity / etnisitas.
    .replace(/[st]ions?$/, 'si')
    .replace(/ity$/, 'itas')
    .replace(/ical$/, 'is')
    .replace(/ic$/, 'ik')
    .replace(/ism$/, 'isme')
    .replace(/ive$/, 'if')
    .replace(/ph/g, 'f')
    .replace(/([gktd])h/g, '$1')
    .replace(/ch/g, 'k')
    .replace(/s[hy]/g, 's')
    .replace(/dj/g, 'j')
    .replace(/tj/g, 'c')
    .replace(/oe/g, 'u')
    // A soft c before e or y is an s in Indonesian: police / polisi, cycle / siklus (not before i: Cina / China).
    .replace(/c(?=[ey])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

