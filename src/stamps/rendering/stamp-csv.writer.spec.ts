import { PassThrough } from 'node:stream';
import { csvField, StampCsvWriter, stampCsvLines } from './stamp-csv.writer';

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const line of lines) out += line;
  return out;
}

describe('csvField', () => {
  it('quotes only what RFC 4180 needs, doubling quotes', () => {
    expect(csvField('TMD0000001')).toBe('TMD0000001');
    expect(csvField('https://nguon.test/o/a,b')).toBe('"https://nguon.test/o/a,b"');
    expect(csvField('say "xin chào"')).toBe('"say ""xin chào"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' 0123')).toBe('" 0123"');
  });
});

describe('stampCsvLines', () => {
  it('starts with a UTF-8 BOM and a pin column when the stamps have PINs, with CRLF lines', async () => {
    const csv = await collect(
      stampCsvLines([
        { serial: 'TMD0000001', url: 'https://nguon.test/01/08936001234567/21/A,1', pin: '4821 7730' },
        { serial: 'TMD0000002', url: 'https://nguon.test/01/08936001234567/21/B"2', pin: '0042,17' },
      ]),
    );
    expect(csv).toBe(
      '\uFEFFserial,url,pin\r\n' +
        'TMD0000001,"https://nguon.test/01/08936001234567/21/A,1",4821 7730\r\n' +
        'TMD0000002,"https://nguon.test/01/08936001234567/21/B""2","0042,17"\r\n',
    );
  });

  it('leaves the pin column out when the issuance has no PINs', async () => {
    const csv = await collect(stampCsvLines([{ serial: 'S1', url: 'https://nguon.test/o/1' }]));
    expect(csv).toBe('\uFEFFserial,url\r\nS1,https://nguon.test/o/1\r\n');
  });

  it('refuses a stamp without a PIN in an issuance with PINs', async () => {
    const rows = [
      { serial: 'S1', url: 'u1', pin: '1' },
      { serial: 'S2', url: 'u2' },
    ];
    await expect(collect(stampCsvLines(rows))).rejects.toThrow('Stamp S2 has no PIN but the issuance has PINs');
  });

  it('writes just the header for an empty issuance', async () => {
    expect(await collect(stampCsvLines([], { pin: true }))).toBe('\uFEFFserial,url,pin\r\n');
  });
});

describe('StampCsvWriter', () => {
  it('streams rows from an async source into the output, UTF-8 encoded, and counts them', async () => {
    async function* rows() {
      for (let i = 1; i <= 3; i++) yield { serial: `S${i}`, url: `https://nguon.test/o/${i}`, pin: `${i}${i}${i}` };
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await expect(new StampCsvWriter().write(rows(), out)).resolves.toEqual({ rows: 3 });
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')).toEqual(['\uFEFFserial,url,pin', 'S1,https://nguon.test/o/1,111', 'S2,https://nguon.test/o/2,222', 'S3,https://nguon.test/o/3,333', '']);
  });
});
