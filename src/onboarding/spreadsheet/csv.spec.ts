import { decodeUtf8, parseDelimited, toCsv } from './csv';

describe('CSV', () => {
  it('reads comma CSV with RFC 4180 quoting: separators, doubled quotes and line breaks inside cells', () => {
    expect(parseDelimited('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('reads semicolon CSV as Excel writes it where the decimal mark is a comma', () => {
    expect(parseDelimited('Tên;Diện tích (ha)\r\nVùng 1, thôn 2;2,5\r\n"a;b";"x, ""y"""\r\n')).toEqual([
      ['Tên', 'Diện tích (ha)'],
      ['Vùng 1, thôn 2', '2,5'],
      ['a;b', 'x, "y"'],
    ]);
  });

  it('takes the separator the header uses most, outside quotes', () => {
    expect(parseDelimited('"a,b";c;d\n1;2;3')).toEqual([
      ['a,b', 'c', 'd'],
      ['1', '2', '3'],
    ]);
    expect(parseDelimited('"a;b",c,d\n1,2,3')[1]).toEqual(['1', '2', '3']);
  });

  it('honours a "sep=" first line and drops a BOM', () => {
    expect(parseDelimited('\uFEFFsep=;\r\na,b;c\r\n')).toEqual([['a,b', 'c']]);
    expect(parseDelimited('\uFEFFa,b')).toEqual([['a', 'b']]);
  });

  it('decodes strict UTF-8 with or without BOM, and refuses other encodings', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFXã Trường Tân', 'utf8'))).toBe('Xã Trường Tân');
    expect(decodeUtf8(Buffer.from('Xã Trường Tân', 'utf8'))).toBe('Xã Trường Tân');
    expect(decodeUtf8(Buffer.from([0x54, 0xea, 0x6e]))).toBeNull(); // "Tên" in Windows-1258
  });

  it('writes a BOM, CRLF and quotes only where needed, and reads back what it wrote', () => {
    const rows = [
      ['Tên', 'Thôn/xóm, số nhà', 'Ghi chú'],
      ['VD: Hợp tác xã', 'Thôn 1; xóm 2', 'nói "có"'],
    ];
    const comma = toCsv(rows, ',');
    expect(comma.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(comma.toString('utf8')).toBe('\uFEFFTên,"Thôn/xóm, số nhà",Ghi chú\r\nVD: Hợp tác xã,Thôn 1; xóm 2,"nói ""có"""\r\n');
    expect(parseDelimited(comma.toString('utf8'))).toEqual(rows);
    expect(parseDelimited(toCsv(rows, ';').toString('utf8'))).toEqual(rows);
  });
});
