import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
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

/** A query on the real API as the holder of `token`, anonymous without one (staff read people and names in clear). */
async function askAs<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A development token for a seeded person (the test server issues them to anyone). */
async function tokenFor(person: string): Promise<string> {
  const { issueDevelopmentToken } = await askAs<{ issueDevelopmentToken: { token: string } }>(
    '',
    'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 60 }) { token } }',
    { p: person },
  );
  return issueDevelopmentToken.token;
}

type Unit = { id: string; name: string };
/** In-service party members (在职党员) of the community with the unit each reports from, as community staff see them. */
async function inServiceMembers(): Promise<{ id: string; unit: Unit }[]> {
  const { people } = await askAs<{
    people: { nodes: { id: string; roles: { nodes: { role: string; endsOn: string | null; organization: Unit | null }[] } }[] };
  }>(
    tokens().staff,
    `query($w: ID) { people(first: 50, filter: { role: [IN_SERVICE_PARTY_MEMBER], within: $w }) {
      nodes { id roles(first: 10) { nodes { role endsOn organization { id name } } } } } }`,
    { w: community() },
  );
  return people.nodes.flatMap(({ id, roles }) => {
    const role = roles.nodes.find((r) => r.role === 'IN_SERVICE_PARTY_MEMBER' && r.organization && !r.endsOn);
    return role?.organization ? [{ id, unit: role.organization }] : [];
  });
}

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
    // The board is live: the wish's new state may arrive by subscription before the review's answer.
    await until(() => stateOf(board, pending) === '待认领' && part(board, 'notice')!.textContent);
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

describe('<gz-wish-board> on behalf of others', () => {
  it('lets an in-service party member claim for their unit, by keyboard; the card and the API name the unit', async () => {
    const [member] = await inServiceMembers();
    expect(member).toBeDefined();
    const id = await postWish();
    const board = mount({ endpoint: graphqlUrl(), area: community() }, await tokenFor(member.id));
    await until(() => cardOf(board, id)?.querySelector('[part~="claim-button"]'));
    cardOf(board, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await until(() => shadow(board).activeElement?.textContent === '确定认领');

    // 认领身份: myself (chosen) or the unit, a labelled radio group.
    const group = cardOf(board, id)!.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).toBe('认领身份');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const labels = radios.map((radio) => radio.closest('label')!.textContent!.trim());
    expect(labels[0]).toBe('本人');
    expect(labels).toContain(member.unit.name);
    expect(radios[0].checked).toBe(true);
    await expectAccessible(board);

    // By keyboard: into the group, down to the unit, on to 确定认领.
    radios[0].focus();
    for (let i = 0; i < labels.indexOf(member.unit.name); i++) await userEvent.keyboard('{ArrowDown}');
    expect(radios[labels.indexOf(member.unit.name)].checked).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(shadow(board).activeElement?.textContent).toBe('确定认领');
    const claimed = next<{ id: string }>(board, 'gz-wish-claim');
    await userEvent.keyboard('{Enter}');
    expect((await claimed).detail).toEqual({ id });
    await until(() => part(board, 'notice')!.textContent === '认领成功，谢谢您！');
    await until(() => cardOf(board, id)!.textContent!.includes(`由 ${member.unit.name} 认领`));
    expect(stateOf(board, id)).toBe('已认领');

    const { node } = await ask<{ node: { state: string; claimedFor: Unit | null } }>(
      'query($id: ID!) { node(id: $id) { ... on Wish { state claimedFor { id name } } } }',
      { id },
    );
    expect(node).toEqual({ state: 'CLAIMED', claimedFor: member.unit });
    await expectAccessible(board);
  });

  it('shows, in English, why the API refuses a claim for a unit the claimer holds no role for', async () => {
    const members = await inServiceMembers();
    const member = members[0];
    const stranger = members.find((other) => other.unit.id !== member.unit.id)?.unit;
    expect(stranger).toBeDefined();
    const id = await postWish();
    const board = mount({ endpoint: graphqlUrl(), area: community(), lang: 'en' }, await tokenFor(member.id));
    await until(() => cardOf(board, id)?.querySelector('[part~="claim-button"]'));
    cardOf(board, id)!.querySelector<HTMLButtonElement>('[part~="claim-button"]')!.click();
    await until(() => button(cardOf(board, id)!, 'Yes, claim it'));
    const group = cardOf(board, id)!.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).toBe('Claim as');
    expect(group.querySelector('label')!.textContent!.trim()).toBe('Myself');
    // A page that tampers with the choice (or a role that ended meanwhile): the API says no.
    const unitRadio = group.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1];
    unitRadio.value = stranger!.id;
    unitRadio.click();
    button(cardOf(board, id)!, 'Yes, claim it')!.click();
    await until(() => part(board, 'notice')!.textContent === 'You hold no role for this unit or team.');
    expect(part(board, 'notice')!.getAttribute('role')).toBe('alert');
    expect(stateOf(board, id)).toBe('Open');
  });

  it('lets a grid worker find a resident by name with the keyboard and post a wish for them', async () => {
    const { people } = await askAs<{ people: { nodes: { id: string; roles: { nodes: { role: string; area: { id: string } }[] } }[] } }>(
      tokens().staff,
      'query($w: ID) { people(first: 5, filter: { role: [GRID_WORKER], within: $w }) { nodes { id roles(first: 5) { nodes { role area { id } } } } } }',
      { w: community() },
    );
    const worker = people.nodes[0];
    const grid = worker.roles.nodes.find((role) => role.role === 'GRID_WORKER')!.area.id;
    const owners = await askAs<{ people: { nodes: { id: string; name: string }[] } }>(
      tokens().staff,
      'query($w: ID) { people(first: 20, filter: { role: [OWNER], within: $w }) { nodes { id name } } }',
      { w: grid },
    );
    const resident = owners.people.nodes[owners.people.nodes.length - 1];

    const board = mount({ endpoint: graphqlUrl(), area: community() }, await tokenFor(worker.id));
    await until(() => part(board, 'post-button'));
    part(board, 'post-button')!.click();
    await until(() => shadow(board).getElementById('gz-wish-beneficiary') && shadow(board).activeElement?.id === 'gz-wish-title');
    const form = part(board, 'form') as HTMLFormElement;
    const picker = () => shadow(board).getElementById('gz-wish-beneficiary')!;
    expect(form.querySelector('label[for="gz-wish-beneficiary"]')!.textContent).toBe('为居民代发（可不填）');
    expect(picker().getAttribute('role')).toBe('combobox');
    expect(picker().getAttribute('aria-expanded')).toBe('false');

    const fill = (id: string, value: string) => {
      const field = shadow(board).getElementById(id) as HTMLInputElement | HTMLSelectElement;
      field.value = value;
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    const title = `代发：想要一台电暖器 ${Date.now()}`;
    fill('gz-wish-title', title);
    fill('gz-wish-story', '家里冬天太冷，网格员代为登记。');
    fill('gz-wish-category', 'DAILY_NEEDS');
    fill('gz-wish-beneficiaryKind', 'ELDERLY_ALONE');

    // Type the name; after the pause the matching residents are listed.
    picker().focus();
    await userEvent.keyboard(resident.name);
    await until(() => picker().getAttribute('aria-expanded') === 'true');
    const options = () => [...shadow(board).querySelectorAll<HTMLElement>('[role="option"]')];
    const index = options().findIndex((option) => option.dataset.id === resident.id);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(options()[index].textContent).toContain(resident.name);
    expect(shadow(board).querySelector('[part="form"] [role="status"]')!.textContent).toMatch(/^找到 \d+ 位居民。$/);
    for (let i = 0; i <= index; i++) await userEvent.keyboard('{ArrowDown}');
    expect(picker().getAttribute('aria-activedescendant')).toBe(options()[index].id);
    expect(options()[index].getAttribute('aria-selected')).toBe('true');
    await expectAccessible(board);

    // Enter picks (and does not post); the chip's clear button takes the focus.
    await userEvent.keyboard('{Enter}');
    await until(() => part(board, 'chip'));
    expect(part(board, 'chip')!.textContent).toContain(resident.name);
    expect(shadow(board).activeElement).toBe(part(board, 'clear-button'));
    expect(part(board, 'notice')!.textContent).toBe('');
    await expectAccessible(board);
    // Clearing returns to the search box; Escape closes the list; picking again.
    await userEvent.keyboard('{Enter}');
    await until(() => shadow(board).activeElement?.getAttribute('role') === 'combobox');
    await userEvent.keyboard(resident.name);
    await until(() => picker().getAttribute('aria-expanded') === 'true');
    await userEvent.keyboard('{Escape}');
    expect(picker().getAttribute('aria-expanded')).toBe('false');
    for (let i = 0; i <= index; i++) await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await until(() => part(board, 'chip'));

    const posted = next<{ id: string }>(board, 'gz-wish-post');
    form.requestSubmit();
    const { id } = (await posted).detail;
    await until(() => part(board, 'notice')!.textContent === '心愿已提交，等待社区审核。');
    const { node } = await askAs<{ node: { beneficiaryName: string; grid: { id: string } | null; title: string } }>(
      tokens().staff,
      'query($id: ID!) { node(id: $id) { ... on Wish { title beneficiaryName grid { id } } } }',
      { id },
    );
    expect(node).toEqual({ title, beneficiaryName: resident.name, grid: { id: grid } });
  });

  it('tells a resident posting for themselves in a community where they have no home, as the API says', async () => {
    const board = mount({ endpoint: graphqlUrl(), area: inject('districtIds')[0] }, tokens().resident);
    await until(() => part(board, 'post-button'));
    part(board, 'post-button')!.click();
    await until(() => ((shadow(board).getElementById('gz-wish-community') as HTMLSelectElement | null)?.options.length ?? 0) > 2);
    // A resident posts only for themselves: no resident picker.
    expect(shadow(board).getElementById('gz-wish-beneficiary')).toBeNull();
    const select = shadow(board).getElementById('gz-wish-community') as HTMLSelectElement;
    const elsewhere = [...select.options].find((option) => option.value && option.value !== community())!.value;
    const fill = (id: string, value: string) => {
      const field = shadow(board).getElementById(id) as HTMLInputElement | HTMLSelectElement;
      field.value = value;
      field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    fill('gz-wish-title', '想要一把雨伞');
    fill('gz-wish-story', '下雨天出门不方便。');
    fill('gz-wish-category', 'DAILY_NEEDS');
    fill('gz-wish-beneficiaryKind', 'OTHER');
    fill('gz-wish-community', elsewhere);
    (part(board, 'form') as HTMLFormElement).requestSubmit();
    await until(() => shadow(board).getElementById('gz-wish-community-problem'));
    expect(shadow(board).getElementById('gz-wish-community-problem')!.textContent).toBe('您在此社区没有住所或职务，不能为本人发布。');
    expect(shadow(board).activeElement?.id).toBe('gz-wish-community');
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
