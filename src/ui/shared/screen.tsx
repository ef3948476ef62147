/** The one component that puts lines on the terminal: it hands each frame to the FrameWriter of its context (see
 * frame-writer.ts) and renders nothing through Ink. */
import { createContext, useContext, useLayoutEffect } from 'react';
import type { Line } from './layout.js';
import type { FrameWriter } from './frame-writer.js';

export const FrameContext = createContext<FrameWriter | null>(null);

export interface ScreenProps {
  readonly lines: readonly Line[];
  readonly isColorEnabled: boolean;
}

export function useFrameWriter(): FrameWriter {
  const writer = useContext(FrameContext);
  if (writer === null) throw new Error('a screen needs a FrameWriter: render it inside <FrameContext.Provider>');
  return writer;
}

export function Screen({ lines, isColorEnabled }: ScreenProps): null {
  const writer = useFrameWriter();
  // In the commit that made the lines, so no key is handled between the state and what the terminal shows.
  useLayoutEffect(() => {
    writer.draw(lines, isColorEnabled);
  });
  return null;
}
