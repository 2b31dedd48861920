import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, fileToBase64 } from './use-file-transfer';

describe('files as base64 for the API', () => {
  it('round-trips every byte value, across the chunk boundary', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) % 256);
    const encoded = bytesToBase64(bytes);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(base64ToBytes(encoded)).toEqual(bytes);
  });

  it('encodes a file the way the server decodes it (standard base64)', async () => {
    const file = new Blob([new TextEncoder().encode('姓名,电话\n张三,13812345678')]);
    expect(await fileToBase64(file)).toBe('5aeT5ZCNLOeUteivnQrlvKDkuIksMTM4MTIzNDU2Nzg=');
  });
});
