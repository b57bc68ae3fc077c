import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { expectAccessible, graphqlUrl, next, part, parts, shadow } from '../../test/fixtures.js';
import type { GzRequestTracker } from './gz-request-tracker.js';
import './define.js';

const resident = () => inject('wishTokens').resident;
const operator = () => inject('operatorToken');

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

type Payload = { request: { id: string; trackingCode: string; state: string } | null; userErrors: { code: string }[] };
async function move(token: string, name: string, input: Record<string, unknown>): Promise<Payload> {
  const data = await askAs<Record<string, Payload>>(
    token,
    `mutation($i: ${INPUTS[name]}!) { ${name}(input: $i) { request { id trackingCode state } userErrors { code } } }`,
    { i: input },
  );
  return data[name];
}
const INPUTS: Record<string, string> = {
  submitRequest: 'SubmitRequestInput',
  dispatchRequest: 'DispatchRequestInput',
  acceptRequest: 'RequestNoteInput',
  takeOnRequest: 'RequestNoteInput',
  resolveRequest: 'ResolveRequestInput',
  rateRequest: 'RateRequestInput',
};

async function until(check: () => unknown, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function mount(attributes: Record<string, string>, token?: string): GzRequestTracker {
  const element = document.createElement('gz-request-tracker') as GzRequestTracker;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (token) element.tokenProvider = () => token;
  document.body.append(element);
  return element;
}

const status = (element: HTMLElement) => part(element, 'status')?.textContent?.trim() ?? '';
const stateOf = (element: HTMLElement) => part(element, 'state')?.textContent;

let grid: string;
/** A request of the resident's, in their home grid. */
async function submitted(): Promise<{ id: string; code: string }> {
  const { request, userErrors } = await move(resident(), 'submitRequest', {
    category: 'street-light',
    description: '楼道灯坏了。',
    grid,
    address: '3号楼2单元',
  });
  expect(userErrors).toEqual([]);
  return { id: request!.id, code: request!.trackingCode };
}

beforeAll(async () => {
  const { viewer } = await askAs<{
    viewer: { roles: { nodes: { role: string; area: { kind: string; id: string; ancestors: { id: string; kind: string }[] } }[] } };
  }>(resident(), '{ viewer { roles(first: 20) { nodes { role area { id kind ancestors { id kind } } } } } }');
  const home = viewer.roles.nodes.find((role) => role.role === 'OWNER')!.area;
  grid = home.kind === 'GRID' ? home.id : home.ancestors.find((area) => area.kind === 'GRID')!.id;
});

afterEach(() => {
  for (const element of document.querySelectorAll('gz-request-tracker')) element.remove();
});

describe('<gz-request-tracker>', () => {
  it('takes a typed code, says when no request has it, accessibly', async () => {
    const element = mount({ endpoint: graphqlUrl() });
    await element.updateComplete;
    await expectAccessible(element);
    const input = shadow(element).querySelector<HTMLInputElement>('#gz-rt-code')!;
    await userEvent.fill(input, 'gz2345nosuch');
    await userEvent.keyboard('{Enter}');
    expect(element.code).toBe('GZ2345NOSUCH');
    await until(() => status(element).includes('未找到'));
    expect(status(element)).toBe('未找到查询码为 GZ2345NOSUCH 的诉求，请核对后重试。');
    await expectAccessible(element);

    await userEvent.fill(input, '!!');
    await userEvent.keyboard('{Enter}');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the public summary to anyone with the code, in English with lang="en"', async () => {
    const { code } = await submitted();
    const element = mount({ endpoint: graphqlUrl(), code, lang: 'en' });
    await until(() => stateOf(element) === 'Submitted');
    expect(shadow(element).querySelector('h2')!.textContent).toBe('Request progress');
    expect(shadow(element).querySelector('label')!.textContent).toBe('Tracking code');
    expect(part(element, 'summary')!.textContent).toContain('grid');
    expect(parts(element, 'step').map((step) => step.textContent!.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/Submitted → Submitted grid$/),
    ]);
    // Anonymous: nothing to rate, no live feed (the API tells only the reporter and staff).
    expect(part(element, 'rate-form')).toBeNull();
    await expectAccessible(element);
  });

  it('lets the reporter rate a resolved request once (一键评价), live as it is resolved', async () => {
    const { id, code } = await submitted();
    const element = mount({ endpoint: graphqlUrl(), code }, resident());
    await until(() => stateOf(element) === '已点单');
    await until(() => shadow(element).querySelector('.live'));
    for (const [name, extra] of [
      ['dispatchRequest', {}],
      ['acceptRequest', {}],
      ['takeOnRequest', {}],
      ['resolveRequest', { resolution: '已更换灯泡。' }],
    ] as const) {
      expect((await move(operator(), name, { id, ...extra })).userErrors).toEqual([]);
    }
    await until(() => stateOf(element) === '已办结' && part(element, 'rate-form'));
    expect(parts(element, 'step')).toHaveLength(5);
    await expectAccessible(element);

    const form = part(element, 'rate-form')!;
    // Sending without stars is refused before the API is asked.
    part(element, 'rate-button')!.click();
    await until(() => part(element, 'notice')!.textContent === '请选择 1 到 5 星。');
    const fourStars = [...form.querySelectorAll('label')].find((label) => label.textContent === '4 星')!;
    await userEvent.click(fourStars);
    await userEvent.fill(form.querySelector('textarea')!, '很及时');
    const rated = next<{ trackingCode: string; rating: number }>(element, 'gz-request-rate');
    part(element, 'rate-button')!.click();
    expect((await rated).detail).toEqual({ trackingCode: code, rating: 4 });
    await until(() => stateOf(element) === '已评单');
    expect(part(element, 'rate-form')).toBeNull();
    expect(part(element, 'summary')!.textContent).toContain('评价：4 星');
    expect(part(element, 'notice')!.textContent).toBe('感谢您的评价。');
    // Reopening stays open within the window.
    expect(part(element, 'reopen-form')).not.toBeNull();
    await expectAccessible(element);
    // A second rating is refused.
    expect((await move(resident(), 'rateRequest', { id, rating: 1 })).userErrors.map((e) => e.code)).toEqual(['ALREADY_RATED']);
  });

  it('lets the reporter reopen a resolved request within the window, saying why', async () => {
    const { id, code } = await submitted();
    for (const [name, extra] of [
      ['dispatchRequest', {}],
      ['acceptRequest', {}],
      ['takeOnRequest', {}],
      ['resolveRequest', { resolution: '已处理。' }],
    ] as const) {
      expect((await move(operator(), name, { id, ...extra })).userErrors).toEqual([]);
    }
    const element = mount({ endpoint: graphqlUrl(), code }, resident());
    await until(() => part(element, 'reopen-form'));
    const details = part(element, 'reopen-form') as HTMLDetailsElement;
    await userEvent.click(details.querySelector('summary')!);
    // No reason: refused before the API is asked.
    part(element, 'reopen-button')!.click();
    await until(() => part(element, 'notice')!.textContent === '请填写原因。');
    await userEvent.fill(details.querySelector('textarea')!, '灯还是不亮。');
    part(element, 'reopen-button')!.click();
    // The tracker is live: the new state may arrive by subscription before the reopening's answer.
    await until(() => stateOf(element) === '已重启' && part(element, 'notice')!.textContent);
    expect(part(element, 'notice')!.textContent).toBe('已申请重新办理。');
    expect(part(element, 'reopen-form')).toBeNull();
    expect(part(element, 'rate-form')).toBeNull();
    await expectAccessible(element);
  });

  it('shows an offline state with a retry button', async () => {
    const element = mount({ endpoint: 'http://127.0.0.1:9/graphql', code: 'GZ23456789AB' });
    expect((await next<{ code: string }>(element, 'gz-error')).detail.code).toBe('OFFLINE');
    await until(() => status(element) === '无法连接服务器，请检查网络后重试。');
    await expectAccessible(element);
  });
});
