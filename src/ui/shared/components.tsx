/** Presentational pieces: they draw lines that the pure builders in screen-lines.ts made to the exact width. */
import { Box, Text } from 'ink';
import type { Line, Span } from './layout.js';
import { toneStyle } from './theme.js';

function isSameStyle(a: Span, b: Span): boolean {
  return a.tone === b.tone && a.isSelected === b.isSelected;
}

/** Fewer Text nodes per line: neighbouring spans of one style become one. */
export function mergeSpans(line: Line): Span[] {
  const merged: Span[] = [];
  for (const span of line) {
    const last = merged[merged.length - 1];
    if (last !== undefined && isSameStyle(last, span)) merged[merged.length - 1] = { ...last, text: last.text + span.text };
    else if (span.text.length > 0) merged.push(span);
  }
  return merged;
}

export interface StyledLineProps {
  readonly line: Line;
  readonly isColorEnabled: boolean;
}

export function StyledLine({ line, isColorEnabled }: StyledLineProps) {
  const spans = mergeSpans(line);
  if (spans.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {spans.map((span, index) => (
        <Text key={index} {...toneStyle(span.tone, isColorEnabled)} inverse={span.isSelected === true}>
          {span.text}
        </Text>
      ))}
    </Text>
  );
}

export interface LinesProps {
  readonly lines: readonly Line[];
  readonly isColorEnabled: boolean;
}

export function Lines({ lines, isColorEnabled }: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <StyledLine key={index} line={line} isColorEnabled={isColorEnabled} />
      ))}
    </Box>
  );
}
