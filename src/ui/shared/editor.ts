/** Opening a sentence in the user's editor: where it is in the file (line and column from the sentence's offset),
 * and how each common editor is told to go there. Pure; run-tui.tsx runs the command. */

/** 1-based line and column of a character offset, as editors count them (a tab or a CRLF counts one column). */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export interface EditorCommand {
  readonly command: string;
  readonly args: readonly string[];
}

/** How editors take a position, by the name of their program; the rest get `+LINE`, which most understand. */
const POSITION_ARGUMENTS: Readonly<Record<string, (file: string, line: number, column: number) => string[]>> = {
  vi: (file, line, column) => [`+call cursor(${line}, ${column})`, file],
  vim: (file, line, column) => [`+call cursor(${line}, ${column})`, file],
  nvim: (file, line, column) => [`+call cursor(${line}, ${column})`, file],
  view: (file, line, column) => [`+call cursor(${line}, ${column})`, file],
  nano: (file, line, column) => [`+${line},${column}`, file],
  pico: (file, line) => [`+${line}`, file],
  emacs: (file, line, column) => [`+${line}:${column}`, file],
  emacsclient: (file, line, column) => [`+${line}:${column}`, file],
  kak: (file, line, column) => [`+${line}:${column}`, file],
  code: (file, line, column) => ['--goto', `${file}:${line}:${column}`],
  codium: (file, line, column) => ['--goto', `${file}:${line}:${column}`],
  subl: (file, line, column) => [`${file}:${line}:${column}`],
  micro: (file, line, column) => [`${file}:${line}:${column}`],
  hx: (file, line, column) => [`${file}:${line}:${column}`],
};

/** `$VISUAL`/`$EDITOR` may carry options of its own (`code -w`, `emacs -nw`): they come before the position. */
export function editorCommand(editor: string, file: string, line: number, column: number): EditorCommand {
  const [command = 'vi', ...options] = editor.trim().split(/\s+/);
  const program = command.split(/[\\/]/).pop() ?? command;
  const position = POSITION_ARGUMENTS[program] ?? ((path: string, at: number) => [`+${at}`, path]);
  return { command, args: [...options, ...position(file, line, column)] };
}
