import type { RequestFormSetupQuery, SubmitRequestInput } from '../core/generated/graphql.js';
import type { LatLng } from '../core/geo.js';

/** A category of the catalogue, as the form lists it. */
export type FormCategory = RequestFormSetupQuery['requestCategories'][number];

/** The resident's home grid: sent with a typed address, and where the map starts. */
export interface HomeGrid {
  id: string;
  centre: LatLng | null;
  boundary: LatLng[];
}

/** The form's fields, as typed; `point` is picked on the map (WGS-84). */
export interface RequestFormValues {
  category: string;
  description: string;
  point: LatLng | null;
  address: string;
  /** One http(s) address a line. */
  photos: string;
  addressPublic: boolean;
}

export type RequestField = 'category' | 'description' | 'location' | 'address' | 'photos';
/** Codes as the API's `userErrors` use them (REQUIRED, INVALID, …), so one message table serves both. */
export type RequestProblems = Partial<Record<RequestField, string>>;

export const emptyValues = (): RequestFormValues => ({
  category: '',
  description: '',
  point: null,
  address: '',
  photos: '',
  addressPublic: false,
});

type Area = NonNullable<RequestFormSetupQuery['viewer']>['roles']['nodes'][number]['area'];

/** The grid of the viewer's first home (an owner's or resident's role), from the area or its ancestors. */
export function homeGrid(viewer: RequestFormSetupQuery['viewer']): HomeGrid | null {
  for (const { role, area } of viewer?.roles.nodes ?? []) {
    if (role !== 'OWNER' && role !== 'RESIDENT') continue;
    const grid: Omit<Area, 'ancestors'> | undefined = area.kind === 'GRID' ? area : area.ancestors.find((above) => above.kind === 'GRID');
    if (!grid) continue;
    const boundary = grid.boundary ?? [];
    const centre =
      grid.latitude != null && grid.longitude != null
        ? { latitude: grid.latitude, longitude: grid.longitude }
        : boundary.length
          ? {
              latitude: boundary.reduce((sum, p) => sum + p.latitude, 0) / boundary.length,
              longitude: boundary.reduce((sum, p) => sum + p.longitude, 0) / boundary.length,
            }
          : null;
    return { id: grid.id, centre, boundary };
  }
  return null;
}

export const photoList = (text: string): string[] =>
  text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter(Boolean);

const PHOTO = /^https?:\/\/[^\s]{1,500}$/;

/**
 * The API's rules for `submitRequest`, checked before sending: a category; a description of 1–2,000
 * characters; a place on the map, or an address (at most 300 characters) in the resident's home
 * grid (`NO_HOME` without one); at most 9 photos, each an http(s) address.
 */
export function validateRequest(values: RequestFormValues, home: HomeGrid | null): RequestProblems {
  const problems: RequestProblems = {};
  if (!values.category) problems.category = 'REQUIRED';
  if (!values.description.trim()) problems.description = 'REQUIRED';
  else if (values.description.length > 2000) problems.description = 'TOO_LONG';
  if (values.address.length > 300) problems.address = 'TOO_LONG';
  if (!values.point) {
    if (!values.address.trim()) problems.location = 'REQUIRED';
    else if (!home) problems.location = 'NO_HOME';
  }
  const photos = photoList(values.photos);
  if (photos.length > 9) problems.photos = 'TOO_MANY';
  else if (photos.some((url) => !PHOTO.test(url))) problems.photos = 'INVALID';
  return problems;
}

/** The mutation's input from values that passed `validateRequest`: the home grid only without a point. */
export function submitInput(values: RequestFormValues, home: HomeGrid | null): SubmitRequestInput {
  return {
    category: values.category,
    description: values.description.trim(),
    latitude: values.point?.latitude ?? null,
    longitude: values.point?.longitude ?? null,
    grid: values.point ? null : (home?.id ?? null),
    address: values.address.trim() || null,
    addressPublic: values.addressPublic,
    photoUrls: photoList(values.photos),
  };
}

/** The API's `userErrors` by field (`['input', 'latitude']` → `location`); others under `''`. */
export function problemsByField(errors: readonly { field: readonly string[]; code: string }[]): RequestProblems & { '': string[] } {
  const result: RequestProblems & { '': string[] } = { '': [] };
  for (const { field, code } of errors) {
    const name = field[1];
    const mapped: RequestField | undefined =
      name === 'latitude' || name === 'longitude' || name === 'grid'
        ? 'location'
        : name === 'photoUrls'
          ? 'photos'
          : name === 'category' || name === 'description' || name === 'address'
            ? name
            : undefined;
    if (mapped) result[mapped] ??= code === 'NOT_FOUND' && mapped === 'location' ? 'NO_GRID' : code;
    else result[''].push(code);
  }
  return result;
}
