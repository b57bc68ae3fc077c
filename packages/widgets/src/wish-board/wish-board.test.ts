import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { ask, expectAccessible, graphqlUrl, next, part, parts, shadow } from '../../test/fixtures.js';
import type { GzWishBoard } from './gz-wish-board.js';
import { PAGE_SIZE } from './wish-board.data.js';
import './define.js';

const community = () => inject('wishCommunity');
const tokens = () => inject('wishTokens');

/** A mutation on the real API as the holder of `token`; the payload's `wish` and `userErrors`. */
async function act(token: string, mutation: string, input: Record<string, unknown>) {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation($i: ${mutation}) { ${MUTATIONS[mutation]} }`, variables: { i: input } }),
  });
  const body = (await response.json()) as {
    data: Record<string, { wish: { id: string; state: string } | null; userErrors: { code: string }[] }>;
  };
  const payload = Object.values(body.data)[0];
  expect(payload.userErrors).toEqual([]);
  return payload.wish!;
}
const MUTATIONS: Record<string, string> = {
  'PostWishInput!': 'postWish(input: $i) { wish { id state } userErrors { code } }',
  'ReviewWishInput!': 'reviewWish(input: $i) { wish { id state } userErrors { code } }',
  'FulfillWishInput!': 'fulfillWish(input: $i) { wish { id state } userErrors { code } }',
  'ClaimWishInput!': 'claimWish(input: $i) { wish { id state } userErrors { code } }',
};

let serial = 0;
/** A wish posted by the resident (待审核), optionally approved by staff (待认领). */
async function postWish(open = true, title = `测试心愿 ${++serial} ${Date.now()}`): Promise<string> {
  const posted = await act(tokens().resident, 'PostWishInput!', {
    title,
    story: '想要一些学习用品，谢谢好心人。',
    category: 'STUDY',
    beneficiaryKind: 'CHILD',
    community: community(),
    estimatedCost: 80,
  });
  if (open) await act(tokens().staff, 'ReviewWishInput!', { id: posted.id, approve: true });
  return posted.id;
}

function mount(attributes: Record<string, string>, token?: string): GzWishBoard {
  const element = document.createElement('gz-wish-board') as GzWishBoard;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (token) element.tokenProvider = () => token;
  document.body.append(element);
  return element;
}

/** Waits until `check` holds (the board renders asynchronously). */
async function until(check: () => unknown, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const status = (board: HTMLElement) => part(board, 'status')?.textContent?.trim() ?? '';
const cards = (board: HTMLElement) => parts(board, 'card');
const cardOf = (board: HTMLElement, id: string) => shadow(board).getElementById(`gz-wish-${id}`)?.closest('li') ?? null;
const stateOf = (board: HTMLElement, id: string) => cardOf(board, id)?.querySelector('[part="state"]')?.textContent?.trim();
const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text) ?? null;
const ready = (board: GzWishBoard) =>
  until(() => ['ready', 'empty', 'error', 'offline'].includes((board as unknown as { status: string }).status));

beforeAll(async () => {
  // Enough public wishes in the community for two pages, whether or not the demo seed has some.
  const { wishes } = await ask<{ wishes: { totalCount: number } }>('query($a: ID) { wishes(filter: { within: $a }) { totalCount } }', {
    a: community(),
  });
  for (let i = wishes.totalCount; i < PAGE_SIZE + 3; i++) await postWish();
}, 120_000);

afterEach(() => {
  for (const element of document.querySelectorAll('gz-wish-board')) element.remove();
});

describe('<gz-wish-board> for anonymous visitors', () => {
  it('shows the public wishes newest first, a page at a time, with the progress the API counts, and no actions', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: community() });
    await board.updateComplete;
    expect(status(board)).toBe('正在加载微心愿…');
    await expectAccessible(board);
    await ready(board);
    const api = await ask<{
      lit: { totalCount: number };
      all: { totalCount: number };
      wishes: { totalCount: number; nodes: { id: string }[] };
    }>(
      `query($a: ID) { lit: wishes(filter: { within: $a, state: [CONFIRMED] }) { totalCount }
        all: wishes(filter: { within: $a, state: [OPEN, CLAIMED, FULFILLED, CONFIRMED] }) { totalCount }
        wishes(filter: { within: $a }, first: ${PAGE_SIZE}) { totalCount nodes { id } } }`,
      { a: community() },
    );
    expect(part(board, 'progress')!.textContent).toContain(`已点亮 ${api.lit.totalCount} / ${api.all.totalCount}`);
    expect(cards(board)).toHaveLength(PAGE_SIZE);
    expect(cards(board).map((card) => card.getAttribute('aria-labelledby'))).toEqual(api.wishes.nodes.map((w) => `gz-wish-${w.id}`));
    expect(status(board)).toBe(`显示 ${PAGE_SIZE} / ${api.wishes.totalCount} 个心愿`);
    // The beneficiary is masked for the public; no address; no buttons but "load more".
    expect(cards(board)[0].textContent).toMatch(/\*/);
    expect(shadow(board).querySelectorAll('[part~="claim-button"], [part~="post-button"]')).toHaveLength(0);
    await expectAccessible(board);

    part(board, 'more-button')!.click();
    await until(() => cards(board).length > PAGE_SIZE);
    expect(cards(board).length).toBe(Math.min(2 * PAGE_SIZE, api.wishes.totalCount));
    // Focus moves to the first wish of the new page.
    expect(shadow(board).activeElement).toBe(cards(board)[PAGE_SIZE]);
    await expectAccessible(board);
  });

  it('filters by state and category, and says so when nothing fits', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: community(), state: 'open', category: 'STUDY' });
    await ready(board);
    const { wishes } = await ask<{ wishes: { totalCount: number } }>(
      'query($a: ID) { wishes(filter: { within: $a, state: [OPEN], category: [STUDY] }) { totalCount } }',
      { a: community() },
    );
    expect(wishes.totalCount).toBeGreaterThan(0);
    expect(status(board)).toContain(String(wishes.totalCount));
    expect(cards(board).every((card) => card.querySelector('[part="state"]')!.textContent === '待认领')).toBe(true);

    // Withdrawn wishes are not public: the anonymous board is empty.
    board.setAttribute('state', 'WITHDRAWN');
    await until(() => status(board) === '这里还没有微心愿。');
    expect(cards(board)).toHaveLength(0);
    await expectAccessible(board);
  });

  it('speaks English with lang="en"', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: community(), lang: 'en' });
    await ready(board);
    expect(part(board, 'progress')!.textContent).toMatch(/\d+ of \d+ lit up/);
    expect(shadow(board).querySelector('h2')!.textContent).toBe('Micro-wishes');
    expect(cards(board)[0].querySelector('dd')!.textContent).toMatch(/^\S+ \((Elderly, alone|Child|Family in hardship|Disabled|Other)\)$/);
  });

  it('shows an error and an offline state with a retry button, accessibly', async () => {
    // A same-origin path that is no GraphQL endpoint (as in the station map's tests).
    const broken = mount({ endpoint: `${location.origin}/no-such-graphql-endpoint` });
    const failed = await next<{ code: string }>(broken, 'gz-error');
    expect(failed.detail.code).toBe('HTTP');
    await until(() => part(broken, 'retry-button'));
    expect(status(broken)).toMatch(/^加载失败：.*404/);
    await expectAccessible(broken);

    const offline = mount({ endpoint: 'http://127.0.0.1:9/graphql' });
    expect((await next<{ code: string }>(offline, 'gz-error')).detail.code).toBe('OFFLINE');
    await until(() => part(offline, 'retry-button'));
    expect(status(offline)).toBe('无法连接服务器，请检查网络后重试。');
    await expectAccessible(offline);
    offline.endpoint = graphqlUrl();
    offline.setAttribute('area', community());
    await until(() => cards(offline).length > 0);
    expect(part(offline, 'retry-button')).toBeNull();
  });
});

describe('<gz-wish-board> for signed-in people', () => {
  it('lets a party member claim after a confirmation step; a late second claimer is told it moved on', async () => {
    const id = await postWish();
    const board = mount({ endpoint: graphqlUrl(), area: community(), state: 'OPEN' }, tokens().claimer);
    // The late claimer's board shows every public wish: the claimed one stays, moved on.
    const late = mount({ endpoint: graphqlUrl(), area: community() }, tokens().secondClaimer);
    await until(
      () => cardOf(board, id)?.querySelector('[part~="claim-button"]') && cardOf(late, id)?.querySelector('[part~="claim-button"]'),
    );

    // The second claimer opens the confirmation first, then is beaten to it.
    cardOf(late, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await until(() => shadow(late).activeElement?.textContent === '确定认领');

    const claim = cardOf(board, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!;
    claim.click();
    await until(() => shadow(board).activeElement?.textContent === '确定认领');
    expect(cardOf(board, id)!.textContent).toContain('确定认领“');
    await expectAccessible(board);
    // Cancel returns to the claim button, focused; nothing was claimed.
    button(cardOf(board, id)!, '取消')!.click();
    await until(() => shadow(board).activeElement?.getAttribute('data-claim') === id);
    cardOf(board, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await until(() => button(cardOf(board, id)!, '确定认领'));
    const claimed = next<{ id: string }>(board, 'gz-wish-claim');
    button(cardOf(board, id)!, '确定认领')!.click();
    expect((await claimed).detail).toEqual({ id });
    await until(() => part(board, 'notice')!.textContent === '认领成功，谢谢您！');
    // The board shows only open wishes: the claimed one leaves it.
    await until(() => !cardOf(board, id));

    button(cardOf(late, id)!, '确定认领')!.click();
    await until(() => part(late, 'notice')!.textContent!.includes('心愿状态已变化'));
    expect(part(late, 'notice')!.getAttribute('role')).toBe('alert');
    await expectAccessible(late);
  });

  it('shows a signed-in person without the right the FORBIDDEN message when they try', async () => {
    const id = await postWish();
    const board = mount({ endpoint: graphqlUrl(), area: community(), state: 'OPEN' }, inject('token'));
    await until(() => cardOf(board, id)?.querySelector('[part~="claim-button"]'));
    cardOf(board, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await until(() => button(cardOf(board, id)!, '确定认领'));
    button(cardOf(board, id)!, '确定认领')!.click();
    await until(() => part(board, 'notice')!.textContent === '您没有权限进行此操作。');
    expect(stateOf(board, id)).toBe('待认领');
  });

  it('lets community staff approve a wish in review and light up a fulfilled one; the progress follows', async () => {
    const pending = await postWish(false);
    const fulfilled = await postWish();
    await act(tokens().claimer, 'ClaimWishInput!', { id: fulfilled });
    await act(tokens().claimer, 'FulfillWishInput!', { id: fulfilled, note: '已送去学习用品' });
    const board = mount({ endpoint: graphqlUrl(), area: community(), state: 'PENDING_REVIEW FULFILLED OPEN CONFIRMED' }, tokens().staff);
    await until(() => cardOf(board, pending) && cardOf(board, fulfilled));
    expect(stateOf(board, pending)).toBe('待审核');
    await expectAccessible(board);
    button(cardOf(board, pending)!, '审核通过')!.click();
    await until(() => stateOf(board, pending) === '待认领');
    expect(part(board, 'notice')!.textContent).toBe('已通过审核，心愿开放认领。');

    const before = part(board, 'progress')!.textContent!.match(/已点亮 (\d+)/)![1];
    button(cardOf(board, fulfilled)!, '确认点亮')!.click();
    await until(() => stateOf(board, fulfilled) === '已点亮');
    await until(() => part(board, 'progress')!.textContent!.includes(`已点亮 ${Number(before) + 1} /`));
    await expectAccessible(board);
  });

  it('lets a resident post a wish through a form checked before sending, field by field', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: community() }, tokens().resident);
    await until(() => part(board, 'post-button'));
    part(board, 'post-button')!.click();
    await until(() => part(board, 'form') && shadow(board).activeElement?.id === 'gz-wish-title');
    const form = part(board, 'form') as HTMLFormElement;
    // The community is the board's own: chosen already.
    expect((shadow(board).getElementById('gz-wish-community') as HTMLSelectElement).value).toBe(community());

    form.requestSubmit();
    await until(() => form.querySelector('[aria-invalid="true"]'));
    const invalid = [...form.querySelectorAll('[aria-invalid="true"]')].map((field) => field.id);
    expect(invalid).toEqual(['gz-wish-title', 'gz-wish-story', 'gz-wish-category', 'gz-wish-beneficiaryKind']);
    expect(shadow(board).getElementById('gz-wish-title-problem')!.textContent).toBe('此项必填。');
    expect(shadow(board).activeElement?.id).toBe('gz-wish-title');
    await expectAccessible(board);

    const fill = (id: string, value: string) => {
      const field = shadow(board).getElementById(id) as HTMLInputElement | HTMLSelectElement;
      field.value = value;
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    const title = `想要一副老花镜 ${Date.now()}`;
    fill('gz-wish-title', title);
    fill('gz-wish-story', '看报纸看不清字了。');
    fill('gz-wish-category', 'HEALTH');
    fill('gz-wish-beneficiaryKind', 'ELDERLY_ALONE');
    fill('gz-wish-wantedBy', '2001-01-01');
    form.requestSubmit();
    await until(() => shadow(board).getElementById('gz-wish-wantedBy-problem'));
    expect(shadow(board).getElementById('gz-wish-wantedBy-problem')!.textContent).toBe('日期不能早于今天。');

    fill('gz-wish-wantedBy', '');
    const posted = next<{ id: string }>(board, 'gz-wish-post');
    form.requestSubmit();
    const { id } = (await posted).detail;
    await until(() => part(board, 'notice')!.textContent === '心愿已提交，等待社区审核。');
    expect(part(board, 'form')).toBeNull();
    expect(shadow(board).activeElement).toBe(part(board, 'post-button'));
    // The poster sees their own wish in review.
    await until(() => stateOf(board, id) === '待审核');
    expect(cardOf(board, id)!.textContent).toContain(title);
    await expectAccessible(board);
  });
});

describe('<gz-wish-board> live', () => {
  it('shows a claim made in another browser context without reloading', async () => {
    const id = await postWish();
    const board = mount({ endpoint: graphqlUrl(), area: community() });
    await until(() => stateOf(board, id) === '待认领' && part(board, 'base')?.textContent?.includes('实时更新中'));
    const progressBefore = part(board, 'progress')!.textContent;
    const other = await commands.claimInOtherContext(inject('portalUrl'), graphqlUrl(), community(), tokens().claimer, id);
    expect(other).toMatchObject({ notice: '认领成功，谢谢您！', state: '已认领', events: [id], pageErrors: [] });
    await until(() => stateOf(board, id) === '已认领');
    expect(cardOf(board, id)!.textContent).toContain('认领人：');
    expect(part(board, 'progress')!.textContent).toBe(progressBefore);
    await expectAccessible(board);
  });

  it('puts a newly approved wish first, in place, on an open board', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: community() });
    await until(() => cards(board).length > 0 && part(board, 'base')?.textContent?.includes('实时更新中'));
    const count = cards(board).length;
    const id = await postWish();
    await until(() => cards(board)[0]?.getAttribute('aria-labelledby') === `gz-wish-${id}`);
    expect(cards(board).length).toBe(count + 1);
  });
});
