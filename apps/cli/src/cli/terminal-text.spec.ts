import { alignedRows, table, terminalSafe } from './terminal-text';

describe('terminal text', () => {
  it('shows control characters instead of sending them to the terminal', () => {
    expect(terminalSafe('Mallory\u001b]0;owned\u0007\n')).toBe(
      'Mallory\\u001b]0;owned\\u0007\\u000a',
    );
  });

  it('aligns rows and tables', () => {
    expect(
      alignedRows([
        ['iss', 'a'],
        ['preferred_username', 'b'],
      ]),
    ).toEqual(['  iss                 a', '  preferred_username  b']);
    expect(
      table(
        ['ID', 'NAME'],
        [
          ['1', 'Alice'],
          ['200', ''],
        ],
      ),
    ).toEqual(['ID   NAME', '1    Alice', '200']);
  });
});
