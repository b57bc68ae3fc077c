import { afterEach, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectAccessible, graphqlUrl, next, part, shadow } from '../../test/fixtures.js';
import type { GzRequestTracker } from '../request-tracker/gz-request-tracker.js';
import type { GzRequestForm } from './gz-request-form.js';
import './define.js';
import '../request-tracker/define.js';

const resident = () => inject('wishTokens').resident;

/** A GraphQL call on the real API as the holder of `token`. */
async function askAs<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function until(check: () => unknown, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function mount<T extends HTMLElement>(tag: string, attributes: Record<string, string>, token?: string): T {
  const element = document.createElement(tag) as T & { tokenProvider?: () => string };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (token) element.tokenProvider = () => token;
  document.body.append(element);
  return element;
}

const $ = <E extends Element = HTMLElement>(element: HTMLElement, selector: string) =>
  shadow(element).querySelector<E & HTMLElement>(selector)!;
const form = (element: HTMLElement) => part(element, 'form');
const problemOf = (element: HTMLElement, field: string) => $(element, `#gz-rf-${field}-problem`).textContent!.trim();

function choose(element: HTMLElement, value: string): void {
  const select = $<HTMLSelectElement>(element, '#gz-rf-category');
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function type(element: HTMLElement, id: string, text: string): Promise<void> {
  await userEvent.fill($(element, `#gz-rf-${id}`), text);
}

afterEach(() => {
  for (const element of document.querySelectorAll('gz-request-form, gz-request-tracker')) element.remove();
});

describe('<gz-request-form>', () => {
  it('asks an anonymous visitor to sign in, accessibly', async () => {
    const element = mount<GzRequestForm>('gz-request-form', { endpoint: graphqlUrl() });
    await until(() => part(element, 'status')?.textContent?.includes('请先登录'));
    expect(form(element)).toBeNull();
    await expectAccessible(element);
  });

  it('shows an offline state with a retry button, accessibly', async () => {
    const element = mount<GzRequestForm>('gz-request-form', { endpoint: 'http://127.0.0.1:9/graphql' }, resident());
    expect((await next<{ code: string }>(element, 'gz-error')).detail.code).toBe('OFFLINE');
    await until(() => part(element, 'status')?.textContent === '无法连接服务器，请检查网络后重试。');
    expect(shadow(element).querySelector('section > button')).not.toBeNull();
    await expectAccessible(element);
    element.endpoint = graphqlUrl();
    await until(() => form(element));
  });

  it('checks the fields as the API does, then a resident submits with a point picked on the map; the tracker follows it live as staff dispatch it', async () => {
    const element = mount<GzRequestForm>('gz-request-form', { endpoint: graphqlUrl() }, resident());
    await until(() => form(element));
    await expectAccessible(element);
    const options = [...$<HTMLSelectElement>(element, '#gz-rf-category').options].map((option) => option.value).filter(Boolean);
    const { requestCategories } = await askAs<{ requestCategories: { code: string }[] }>(null, '{ requestCategories { code } }');
    expect(options).toEqual(requestCategories.map((category) => category.code));

    // Nothing filled in, and a photo that is no http(s) link: every problem by its field, focus on the first.
    await type(element, 'photos', 'ftp://example.com/a.jpg');
    part(element, 'submit-button')!.click();
    await until(() => problemOf(element, 'category'));
    expect(problemOf(element, 'category')).toBe('必填。');
    expect(problemOf(element, 'description')).toBe('必填。');
    expect(problemOf(element, 'location')).toBe('必填。');
    expect(problemOf(element, 'photos')).toMatch(/http/);
    expect(shadow(element).activeElement?.id).toBe('gz-rf-category');
    expect($(element, '#gz-rf-description').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(element);

    choose(element, 'street-light');
    await type(element, 'description', '3号楼东侧路灯不亮，晚上很黑。');
    await type(element, 'photos', 'https://example.com/light.jpg');
    // The keyboard way: focus the map (it starts on the resident's grid) and press Enter for its centre.
    part(element, 'map')!.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(element).textContent!.includes('已选位置'));
    const submitted = next<{ trackingCode: string }>(element, 'gz-request-submit');
    part(element, 'submit-button')!.click();
    const { detail, bubbles, composed } = await submitted;
    expect(detail.trackingCode).toMatch(/^GZ[2-9A-Z]{10}$/);
    expect([bubbles, composed]).toEqual([true, true]);
    await until(() => part(element, 'code'));
    expect(part(element, 'code')!.textContent).toBe(detail.trackingCode);
    expect(part(element, 'copy-button')).not.toBeNull();
    await expectAccessible(element);

    // The tracker with that code, as the reporter: submitted, then dispatched live.
    const tracker = mount<GzRequestTracker>('gz-request-tracker', { endpoint: graphqlUrl(), code: detail.trackingCode }, resident());
    await until(() => part(tracker, 'state')?.textContent === '已点单');
    await until(() => shadow(tracker).querySelector('.live'));
    const operator = inject('operatorToken');
    const { requests } = await askAs<{ requests: { nodes: { id: string; trackingCode: string }[] } }>(
      operator,
      '{ requests(first: 50, filter: { state: [SUBMITTED] }) { nodes { id trackingCode } } }',
    );
    const id = requests.nodes.find((request) => request.trackingCode === detail.trackingCode)!.id;
    await askAs(operator, 'mutation($id: ID!) { dispatchRequest(input: { id: $id }) { userErrors { code } } }', { id });
    await until(() => part(tracker, 'state')?.textContent === '已派单');
    expect(shadow(tracker).querySelectorAll('[part~="step"]')).toHaveLength(2);
  });

  it('takes a typed address alone (in the resident’s grid), in English with lang="en", and shows the server’s objections', async () => {
    const element = mount<GzRequestForm>('gz-request-form', { endpoint: graphqlUrl(), lang: 'en' }, resident());
    await until(() => form(element));
    expect($(element, 'label[for="gz-rf-category"]').textContent).toBe('Category');
    expect($(element, 'h2').textContent).toBe('Report a matter');
    expect($<HTMLSelectElement>(element, '#gz-rf-category').options[1].textContent).toMatch(/^[\x20-\x7e]+$/);
    await expectAccessible(element);

    choose(element, 'street-light');
    await type(element, 'description', 'The street light east of building 3 is out.');
    await type(element, 'address', '幸福小区3号楼东侧');
    const submitted = next<{ trackingCode: string }>(element, 'gz-request-submit');
    part(element, 'submit-button')!.click();
    const { detail } = await submitted;
    const summary = await askAs<{ requestByTrackingCode: { state: string; address: string | null } }>(
      null,
      'query($c: String!) { requestByTrackingCode(trackingCode: $c) { state address } }',
      { c: detail.trackingCode },
    );
    // Not made public: the summary has no address.
    expect(summary.requestByTrackingCode).toEqual({ state: 'SUBMITTED', address: null });
    await until(() => shadow(element).textContent!.includes('Tracking code'));

    // An unknown category reaches the API (the list cannot offer one): its objection shows by the field.
    shadow(element).querySelector<HTMLButtonElement>('[part~="button"]:not([part~="copy-button"])')!.click();
    await until(() => form(element));
    const select = $<HTMLSelectElement>(element, '#gz-rf-category');
    select.append(new Option('x', 'no-such-category'));
    choose(element, 'no-such-category');
    await type(element, 'description', 'Something.');
    await type(element, 'address', 'Somewhere');
    part(element, 'submit-button')!.click();
    await until(() => problemOf(element, 'category'));
    expect(problemOf(element, 'category')).toBe('Not found.');
  });
});
