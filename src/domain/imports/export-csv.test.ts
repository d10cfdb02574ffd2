import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './export-csv.js';

describe('export CSV', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', "\"'\rCR\""],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['Zoë 李', 'Zoë 李'],
    [null, ''],
    [42, '42'],
    [-3, "'-3"],
    [{ a: 1 }, '"{""a"":1}"'],
    [' =1+1', "' =1+1"],
    ['\u3000@cmd', "'\u3000@cmd"],
    ['＝HYPERLINK("x")', `"'＝HYPERLINK(""x"")"`],
    ['＋1', "'＋1"],
    ['a=b', 'a=b'],
  ])('escapes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a header of every column in first-seen order and one line per row', () => {
    expect(toCsv([{ id: 1, name: 'A' }, { id: 2, email: '=x' }])).toBe("id,name,email\r\n1,A,\r\n2,,'=x\r\n");
  });
});
