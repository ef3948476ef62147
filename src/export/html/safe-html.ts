/** HTML built from templates whose every interpolated string is escaped (by escape-goat): the only way markup gets
 * into the report. Text from the inputs can never become markup; markup is only what this code's own template
 * literals say, and fragments built by `html` nest without being escaped twice. */
import { htmlEscape } from 'escape-goat';

/** Held back from other modules, so that only `html` and `trustedConstant` can make an `Html`. */
const MADE_HERE = Symbol('made by safe-html');

/** A piece of finished markup. */
export class Html {
  readonly #markup: string;
  constructor(markup: string, key: symbol) {
    if (key !== MADE_HERE) throw new TypeError('Html is made by the html template tag only');
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

/** What a template may interpolate: text (escaped), numbers, finished markup, lists of them; nothing for null,
 * undefined and false (so `${condition && html`...`}` reads naturally). */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.toString();
  if (typeof value === 'number') return htmlEscape(String(value));
  if (typeof value === 'string') return htmlEscape(value);
  return value.map(render).join('');
}

/** The tagged template: `html`<td lang="${lang}">${text}</td>``. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(markup, MADE_HERE);
}

/** The report's own style sheet and script, constants of this program (never input text): inserted as they are.
 * A `</` in them would end the element early, so it is refused. */
export function trustedConstant(code: string): Html {
  if (/<\//.test(code)) throw new Error('an inline style or script must not contain "</"');
  return new Html(code, MADE_HERE);
}
