import { describe, expect, it } from 'vitest';
import { CV_MAX_BYTES, checkCvContent, contentDisposition, formatMegabytes, parseMediaType, safeFilename } from './cv-file.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('checkCvContent', () => {
  it('accepts a PDF that starts with %PDF- and UTF-8 text, and says which it is', () => {
    expect(checkCvContent(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf')).toBe('application/pdf');
    expect(checkCvContent(bytes('Zoë Ngata\nML engineer\t2019–2025\r\n'), 'text/plain; charset=utf-8')).toBe('text/plain');
    expect(checkCvContent(bytes('plain'), 'Text/Plain')).toBe('text/plain');
  });

  it.each([
    ['a fake PDF (text declared as PDF)', bytes('Dear hiring manager'), 'application/pdf', 'FILE_TYPE_INVALID'],
    ['a PDF with the magic late', bytes('  %PDF-1.4'), 'application/pdf', 'FILE_TYPE_INVALID'],
    ['a Word file', bytes('PK\u0003\u0004'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'FILE_TYPE_INVALID'],
    ['HTML', bytes('<script>alert(1)</script>'), 'text/html', 'FILE_TYPE_INVALID'],
    ['no type at all', bytes('x'), undefined, 'FILE_TYPE_INVALID'],
    ['invalid UTF-8 declared as text', new Uint8Array([0x43, 0x56, 0xff, 0xfe]), 'text/plain', 'FILE_TYPE_INVALID'],
    ['binary declared as text', bytes('%PDF-\u0000\u0001binary'), 'text/plain', 'FILE_TYPE_INVALID'],
    ['text in another charset', bytes('cv'), 'text/plain; charset=iso-8859-1', 'FILE_TYPE_INVALID'],
    ['an empty file', new Uint8Array(), 'application/pdf', 'VALIDATION_FAILED'],
    ['no body', undefined, 'text/plain', 'VALIDATION_FAILED'],
  ])('refuses %s', (_what, body, type, code) => {
    expect(codeOf(() => checkCvContent(body, type))).toBe(code);
  });

  it('refuses a file one byte over the limit with FILE_TOO_LARGE, and takes one at the limit', () => {
    const at = new Uint8Array(64).fill(0x61);
    expect(checkCvContent(at, 'text/plain', 64)).toBe('text/plain');
    expect(codeOf(() => checkCvContent(new Uint8Array(65).fill(0x61), 'text/plain', 64))).toBe('FILE_TOO_LARGE');
    expect(CV_MAX_BYTES).toBe(10 * 1_048_576);
    expect(formatMegabytes(CV_MAX_BYTES)).toBe('10 MB');
  });
});

describe('parseMediaType', () => {
  it('lower-cases the type and reads the charset', () => {
    expect(parseMediaType('Text/Plain; Charset="UTF-8"; format=flowed')).toEqual({ type: 'text/plain', charset: 'utf-8' });
    expect(parseMediaType(undefined)).toEqual({ type: '' });
  });
});

describe('safeFilename', () => {
  it.each([
    ['Ada Lovelace CV.pdf', 'application/pdf', 'Ada Lovelace CV.pdf'],
    ['cv.PDF', 'application/pdf', 'cv.pdf'],
    ['../../etc/passwd', 'text/plain', 'passwd.txt'],
    ['C:\\Users\\me\\résumé.txt', 'text/plain', 'résumé.txt'],
    ['"><img src=x onerror=alert(1)>.pdf', 'application/pdf', '_img src_x onerror_alert(1)_.pdf'],
    ['evil\u202Efdp.exe', 'application/pdf', 'evil_fdp.exe.pdf'],
    ['...hidden', 'text/plain', 'hidden.txt'],
    ['', 'application/pdf', 'cv.pdf'],
    [undefined, 'text/plain', 'cv.txt'],
    ['\ud800bad', 'text/plain', 'cv.txt'],
    ['%%%', 'application/pdf', 'cv.pdf'],
  ] as const)('%j as %s -> %j', (raw, type, expected) => {
    expect(safeFilename(raw, type)).toBe(expected);
  });

  it('shortens long names to 120 characters, keeping the extension', () => {
    const name = safeFilename(`${'ü'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('ü.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Zoë CV (2026).pdf')).toBe(`attachment; filename="Zo_ CV (2026).pdf"; filename*=UTF-8''Zo%C3%AB%20CV%20%282026%29.pdf`);
  });
});
