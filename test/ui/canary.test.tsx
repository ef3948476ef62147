import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';

/** Canary: Ink and ink-testing-library must agree on how stdin reaches useInput (their versions travel together). */
function Counter() {
  const [count, setCount] = useState(0);
  useInput((input, key) => {
    if (input === 'j' || key.downArrow) setCount((c) => c + 1);
  });
  return <Text>count={count}</Text>;
}

describe('ink-testing-library canary', () => {
  it('delivers a typed key to useInput and renders the new frame', async () => {
    const { stdin, lastFrame, unmount } = render(<Counter />);
    expect(lastFrame()).toBe('count=0');
    stdin.write('j');
    await expect.poll(() => lastFrame()).toBe('count=1');
    stdin.write('\u001B[B');
    await expect.poll(() => lastFrame()).toBe('count=2');
    unmount();
  });
});
