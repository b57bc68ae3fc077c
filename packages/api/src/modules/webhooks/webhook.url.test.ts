import { describe, expect, it } from 'vitest';
import { urlProblem } from './webhook.url.js';

describe('webhook addresses', () => {
  it('in production, refuses loopback, private, link-local and unspecified addresses, by name too', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'https://10.1.2.3/hook',
      'https://192.168.1.20/hook',
      'https://172.20.0.5/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[fd00::1]/hook',
    ]) {
      expect(await urlProblem(url, false), url).toBe('The address is in a private or local network');
      expect(await urlProblem(url, true), url).toBeNull();
    }
    expect(await urlProblem('https://93.184.215.14/hook', false)).toBeNull();
  });

  it('takes http and https only, without credentials', async () => {
    expect(await urlProblem('ftp://93.184.215.14/hook', false)).toBe('Only http and https addresses');
    expect(await urlProblem('javascript:alert(1)', true)).toBe('Only http and https addresses');
    expect(await urlProblem('hook', true)).toBe('Not a URL');
    expect(await urlProblem('https://user:secret@93.184.215.14/hook', false)).toMatch(/No user name or password/);
    expect(await urlProblem(`https://93.184.215.14/${'a'.repeat(2000)}`, false)).toBe('At most 2,000 characters');
  });
});
