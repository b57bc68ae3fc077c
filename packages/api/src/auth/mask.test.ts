import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('masking personal data', () => {
  it('masks names, phones, ID numbers and addresses as residents expect to see them', () => {
    expect(maskName('王小华')).toBe('王*华');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('张')).toBe('*');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0435-4123456')).toBe('043*****3456');
    expect(maskIdNumber('220581199001011234')).toBe('220581********1234');
    expect(maskAddress('2单元301室')).toBe('2单*****');
  });
});
