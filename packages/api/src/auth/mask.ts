/**
 * Masking of personal data (PIPL), in one place: every field that carries personal data goes
 * through these when the caller may not read it in the clear.
 */

/** 王小华 → 王*华, 李四 → 李*, 欧阳娜娜 → 欧**娜: the first and (from three on) last character stay. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 13812341234 → 138****1234; landlines keep their area code and last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** An 18-character resident ID keeps its region (6) and last 4: 220581********1234. */
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** An exact address (a household's "2单元301室") keeps its first two characters. */
export function maskAddress(text: string): string {
  const chars = [...text];
  return chars.length <= 2 ? '*'.repeat(chars.length) : `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 2)}`;
}
