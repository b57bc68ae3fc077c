import type { Faker } from '@faker-js/faker';
import type { Gender } from '../modules/people/person.entity.js';

/** Made-up personal data that looks like the real thing, unique within one generator. */
export interface Identity {
  name: string;
  gender: Gender;
  phone: string;
  idNumber: string;
}

/** Mobile prefixes of the three carriers. */
const MOBILE_PREFIXES = `
  130 131 132 133 135 136 137 138 139 150 151 152 155
  156 158 159 176 177 180 181 186 187 188 189 198 199
`
  .trim()
  .split(/\s+/);

/** GB 11643-1999: weights and check characters of the resident identity number (ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

const DAY = 86_400_000;

export class IdentityGenerator {
  private readonly phones = new Set<string>();
  private readonly idNumbers = new Set<string>();

  /**
   * @param regionCode six digits, the administrative code the identity numbers start with
   * @param referenceYear ages count from this year
   */
  constructor(
    private readonly faker: Faker,
    private readonly regionCode: string,
    private readonly referenceYear: number,
  ) {}

  next(minAge: number, maxAge: number, femaleShare = 0.5): Identity {
    const gender: Gender = this.faker.datatype.boolean({ probability: femaleShare }) ? 'FEMALE' : 'MALE';
    const name = this.faker.person.lastName() + this.firstName(gender);
    return { name, gender, phone: this.phone(), idNumber: this.idNumber(gender, minAge, maxAge) };
  }

  /**
   * zh_CN's `firstName(sex)` draws from the sex's list and the generic one together, and the
   * generic list is mostly men's names: draw women's names from their own list.
   */
  private firstName(gender: Gender): string {
    const names = this.faker.definitions.person.first_name;
    if (gender === 'FEMALE' && names.female?.length) return this.faker.helpers.arrayElement(names.female);
    return this.faker.person.firstName('male');
  }

  private phone(): string {
    for (;;) {
      const phone = this.faker.helpers.arrayElement(MOBILE_PREFIXES) + this.faker.string.numeric(8);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** Region, birth date, a sequence whose last digit is odd for men and even for women, a check character. */
  private idNumber(gender: Gender, minAge: number, maxAge: number): string {
    for (;;) {
      const year = this.referenceYear - this.faker.number.int({ min: minAge, max: maxAge });
      const born = new Date(Date.UTC(year, 0, 1) + this.faker.number.int({ min: 0, max: 364 }) * DAY);
      const birth = born.toISOString().slice(0, 10).replaceAll('-', '');
      const sequence = this.faker.number.int({ min: 0, max: 49 }) * 2 + (gender === 'MALE' ? 1 : 0);
      const first17 = `${this.regionCode}${birth}${this.faker.string.numeric(1)}${String(sequence).padStart(2, '0')}`;
      const idNumber = first17 + idNumberCheck(first17);
      if (!this.idNumbers.has(idNumber)) {
        this.idNumbers.add(idNumber);
        return idNumber;
      }
    }
  }
}
