import { describe, expect, it } from 'vitest';
import { emptyValues, homeGrid, problemsByField, submitInput, validateRequest } from './request-form.data.js';

const home = { id: 'QXJlYToy', centre: { latitude: 42.5, longitude: 125.6 }, boundary: [] };

describe('validateRequest', () => {
  it('mirrors the API: category, description 1–2,000, a point or an address in the home grid, up to 9 http(s) photos', () => {
    expect(validateRequest(emptyValues(), home)).toEqual({ category: 'REQUIRED', description: 'REQUIRED', location: 'REQUIRED' });
    const filled = { ...emptyValues(), category: 'street-light', description: '路灯不亮', address: '3号楼' };
    expect(validateRequest(filled, home)).toEqual({});
    expect(validateRequest(filled, null)).toEqual({ location: 'NO_HOME' });
    expect(validateRequest({ ...filled, point: { latitude: 42.5, longitude: 125.6 } }, null)).toEqual({});
    expect(validateRequest({ ...filled, description: 'x'.repeat(2001), address: 'y'.repeat(301) }, home)).toEqual({
      description: 'TOO_LONG',
      address: 'TOO_LONG',
    });
    expect(validateRequest({ ...filled, photos: 'https://a.example/1.jpg\njavascript:alert(1)' }, home)).toEqual({ photos: 'INVALID' });
    expect(
      validateRequest({ ...filled, photos: Array.from({ length: 10 }, (_, i) => `https://a.example/${i}.jpg`).join('\n') }, home),
    ).toEqual({
      photos: 'TOO_MANY',
    });
  });
});

describe('submitInput and problemsByField', () => {
  it('sends the home grid only without a point, and maps the API’s fields back', () => {
    const values = { ...emptyValues(), category: 'noise', description: ' 吵 ', address: ' 3号楼 ', photos: ' https://a.example/1.jpg ' };
    expect(submitInput(values, home)).toMatchObject({
      description: '吵',
      address: '3号楼',
      grid: home.id,
      latitude: null,
      photoUrls: ['https://a.example/1.jpg'],
    });
    const point = { latitude: 42.5, longitude: 125.6 };
    expect(submitInput({ ...values, point }, home)).toMatchObject({ grid: null, latitude: 42.5, longitude: 125.6 });
    expect(
      problemsByField([
        { field: ['input', 'latitude'], code: 'NOT_FOUND' },
        { field: ['input', 'photoUrls', '0'], code: 'INVALID' },
        { field: ['input', 'category'], code: 'NOT_FOUND' },
        { field: ['input', 'reporter'], code: 'NOT_FOUND' },
      ]),
    ).toEqual({ location: 'NO_GRID', photos: 'INVALID', category: 'NOT_FOUND', '': ['NOT_FOUND'] });
  });

  it('finds the home grid among the ancestors of an owner’s household', () => {
    const grid = {
      id: 'G',
      kind: 'GRID' as const,
      latitude: null,
      longitude: null,
      boundary: [
        { latitude: 1, longitude: 2 },
        { latitude: 3, longitude: 4 },
      ],
    };
    const household = { id: 'H', kind: 'HOUSEHOLD' as const, latitude: null, longitude: null, boundary: null, ancestors: [grid] };
    expect(homeGrid({ id: 'P', roles: { nodes: [{ role: 'OWNER', area: household }] } })).toEqual({
      id: 'G',
      centre: { latitude: 2, longitude: 3 },
      boundary: grid.boundary,
    });
    expect(homeGrid({ id: 'P', roles: { nodes: [{ role: 'VOLUNTEER', area: household }] } })).toBeNull();
    expect(homeGrid(null)).toBeNull();
  });
});
