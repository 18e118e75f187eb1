import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256, toHex, utf8Encode } from './sha256';

const bytes = (n: number, v: number): Uint8Array => new Uint8Array(n).fill(v);

describe('sha256 (NIST FIPS 180-4 examples)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('sha256(%j)', (input, hex) => {
    expect(toHex(sha256(input))).toBe(hex);
  });

  it('one million "a"', () => {
    expect(toHex(sha256(bytes(1_000_000, 0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('padding boundaries (55, 56, 63, 64 bytes) agree with string input', () => {
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      expect(toHex(sha256('a'.repeat(n)))).toBe(toHex(sha256(bytes(n, 0x61))));
    }
    // 56 bytes of 'a' forces a second padding block.
    expect(toHex(sha256('a'.repeat(56)))).toBe(
      'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a',
    );
  });
});

describe('utf8Encode', () => {
  it('encodes 1-4 byte sequences and replaces lone surrogates', () => {
    expect(Array.from(utf8Encode('a\u00e9\u20ac\u{1f600}'))).toEqual([
      0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80,
    ]);
    expect(Array.from(utf8Encode('\ud800x'))).toEqual([0xef, 0xbf, 0xbd, 0x78]);
  });
});

describe('hmacSha256 (RFC 4231 test cases)', () => {
  const tc4Key = Uint8Array.from({ length: 25 }, (_, i) => i + 1);
  const longKey = bytes(131, 0xaa);
  it.each([
    [
      1,
      bytes(20, 0x0b),
      utf8Encode('Hi There'),
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      2,
      utf8Encode('Jefe'),
      utf8Encode('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      3,
      bytes(20, 0xaa),
      bytes(50, 0xdd),
      '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    ],
    [
      4,
      tc4Key,
      bytes(50, 0xcd),
      '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    ],
    [
      6,
      longKey,
      utf8Encode('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
    [
      7,
      longKey,
      utf8Encode(
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      ),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ])('test case %i', (_n, key, data, hex) => {
    expect(toHex(hmacSha256(key, data))).toBe(hex);
  });

  it('test case 5 (truncated to 128 bits)', () => {
    const mac = hmacSha256(bytes(20, 0x0c), 'Test With Truncation');
    expect(toHex(mac.slice(0, 16))).toBe('a3b6167473100ee06e0c796c2955552b');
  });

  it('accepts string keys as UTF-8', () => {
    expect(toHex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
