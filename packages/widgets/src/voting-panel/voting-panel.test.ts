import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { districtId, expectAccessible, graphqlUrl, next, part, parts, shadow } from '../../test/fixtures.js';
import type { GzVotingPanel } from './gz-voting-panel.js';
import './define.js';

const operator = () => inject('operatorToken');

/** GraphQL on the real API as the holder of `token` (anonymous without one). */
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

/** A development token for a seeded person (the test server issues them to anyone). */
async function tokenFor(person: string): Promise<string> {
  const { issueDevelopmentToken } = await askAs<{ issueDevelopmentToken: { token: string } }>(
    null,
    'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 120 }) { token } }',
    { p: person },
  );
  return issueDevelopmentToken.token;
}

/** The compound the votes are held in, and owners of distinct households there (with their tokens). */
const world = { compound: '', owners: [] as { person: string; household: string; token: string }[] };

async function findOwners(): Promise<void> {
  const { areas } = await askAs<{ areas: { nodes: { id: string }[] } }>(
    operator(),
    'query($d: ID) { areas(first: 20, filter: { kind: [COMPOUND], within: $d }, orderBy: { field: ID }) { nodes { id } } }',
    { d: districtId() },
  );
  for (const { id } of areas.nodes) {
    const { people } = await askAs<{
      people: { nodes: { id: string; roles: { nodes: { role: string; area: { id: string; kind: string } }[] } }[] };
    }>(
      operator(),
      'query($w: ID) { people(first: 60, filter: { role: [OWNER], within: $w }, orderBy: { field: ID }) { nodes { id roles(first: 20) { nodes { role area { id kind } } } } } }',
      { w: id },
    );
    const seen = new Set<string>();
    const owners: { person: string; household: string }[] = [];
    for (const person of people.nodes) {
      const homes = person.roles.nodes
        .filter((role) => role.role === 'OWNER' && role.area.kind === 'HOUSEHOLD')
        .map((role) => role.area.id);
      // One household each, none shared with an owner already chosen: each ballot is the owner's own.
      if (homes.length !== 1 || seen.has(homes[0])) continue;
      seen.add(homes[0]);
      owners.push({ person: person.id, household: homes[0] });
    }
    if (owners.length >= 6) {
      world.compound = id;
      world.owners = await Promise.all(owners.slice(0, 6).map(async (owner) => ({ ...owner, token: await tokenFor(owner.person) })));
      return;
    }
  }
  throw new Error('no seeded compound with six owners of one household each');
}

const MOVE = (name: string, input: string) =>
  `mutation($i: ${input}!) { ${name}(input: $i) { proposal { id stage } userErrors { field code message } } }`;

async function move(name: string, id: string, extra: Record<string, unknown> = {}, input = 'ProposalIdInput') {
  const data = await askAs<Record<string, { proposal: { stage: string } | null; userErrors: { code: string }[] }>>(
    operator(),
    MOVE(name, input),
    { i: { id, ...extra } },
  );
  return data[name];
}

let serial = 0;
/** A proposal in the compound, proposed by the operator, reviewed, published and opened: voting from a second ago. */
async function openVote(extra: Record<string, unknown> = {}): Promise<string> {
  const { createProposal } = await askAs<{ createProposal: { proposal: { id: string } | null; userErrors: unknown[] } }>(
    operator(),
    'mutation($i: CreateProposalInput!) { createProposal(input: $i) { proposal { id } userErrors { field code message } } }',
    {
      i: {
        scope: world.compound,
        title: `选聘新的物业服务企业 ${++serial}`,
        text: '原物业服务合同将于年底到期。\n业主委员会提议选聘红心物业服务有限公司，服务费标准不变。',
        attachmentUrls: ['https://example.org/docs/%E5%90%88%E5%90%8C.pdf', 'https://example.org/docs/bid.pdf'],
        matterType: 'PROPERTY_COMPANY_HIRING',
        ruleKind: 'CIVIL_CODE_ORDINARY',
        votingOpensAt: new Date(Date.now() - 1000).toISOString(),
        votingClosesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
        ...extra,
      },
    },
  );
  expect(createProposal.userErrors).toEqual([]);
  const id = createProposal.proposal!.id;
  for (const [name, more, input] of [
    ['beginProposalReview', {}, 'ProposalIdInput'],
    ['reviewProposal', { approve: true }, 'ReviewProposalInput'],
    ['publishProposal', {}, 'ProposalIdInput'],
    ['openVoting', {}, 'ProposalIdInput'],
  ] as const) {
    expect((await move(name, id, more, input)).userErrors).toEqual([]);
  }
  return id;
}

/** A ballot cast through the API, not the panel (another owner elsewhere). */
async function castDirectly(token: string, proposal: string, choice: string) {
  const { castBallot } = await askAs<{ castBallot: { receipt: string | null; userErrors: { code: string }[] } }>(
    token,
    'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt userErrors { code } } }',
    { i: { proposal, choice } },
  );
  return castBallot;
}

function mount(attributes: Record<string, string>, token?: string): GzVotingPanel {
  const element = document.createElement('gz-voting-panel') as GzVotingPanel;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (token) element.tokenProvider = () => token;
  document.body.append(element);
  return element;
}

/** Waits until `check` holds (the panel renders asynchronously). */
async function until(check: () => unknown, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = (panel: HTMLElement) => text(part(panel, 'status'));
const meters = (panel: HTMLElement) => parts(panel, 'meter');
const live = (panel: HTMLElement) => text(shadow(panel).querySelector('.live'));
const ready = (panel: GzVotingPanel) =>
  until(() => ['ready', 'missing', 'error', 'offline'].includes((panel as unknown as { status: string }).status));
const choose = (panel: HTMLElement, choice: string) => {
  shadow(panel).querySelector<HTMLInputElement>(`input[name="gz-vote-choice"][value="${choice}"]`)!.click();
};
const participants = (panel: HTMLElement) =>
  Number(
    meters(panel)[1]
      .closest('.measure')!
      .querySelector('.measure-text')!
      .textContent!.match(/(\d+) \/ \d+ 户/)![1],
  );

beforeAll(findOwners, 120_000);

afterEach(() => {
  for (const element of document.querySelectorAll('gz-voting-panel')) element.remove();
});

describe('<gz-voting-panel> while voting', () => {
  it('shows the matter, the rule in plain words and the bars against their thresholds, accessibly', async () => {
    const id = await openVote();
    const panel = mount({ endpoint: graphqlUrl(), proposal: id });
    await panel.updateComplete;
    expect(status(panel)).toBe('正在加载表决事项…');
    await expectAccessible(panel);
    await ready(panel);
    const { node } = await askAs<{
      node: { title: string; ruleDescription: string; tally: { rollHouseholds: number; participation: { areaShare: number } } };
    }>(
      null,
      'query($id: ID!) { node(id: $id) { ... on Proposal { title ruleDescription tally { rollHouseholds participation { areaShare } } } } }',
      { id },
    );
    expect(text(shadow(panel).querySelector('h2'))).toBe(node.title);
    expect(text(part(panel, 'stage'))).toBe('表决中');
    const matter = text(part(panel, 'matter'));
    expect(matter).toContain('原物业服务合同将于年底到期。');
    expect(matter).toContain('选聘和解聘物业服务企业');
    expect(matter).toContain(node.ruleDescription);
    expect(matter).toContain('投出后不能更改');
    // Attachments are links named by their file.
    expect([...part(panel, 'matter')!.querySelectorAll('a')].map((a) => text(a))).toEqual([
      '合同.pdf（在新窗口打开）',
      'bid.pdf（在新窗口打开）',
    ]);

    // Four bars, each a labelled meter with its threshold in words: 2/3 at least to take part, more than half in favour.
    expect(meters(panel)).toHaveLength(4);
    expect(meters(panel).map((meter) => shadow(panel).getElementById(meter.getAttribute('aria-labelledby')!)!.textContent)).toEqual([
      '参与表决（专有部分面积）',
      '参与表决（人数）',
      '同意（专有部分面积）',
      '同意（人数）',
    ]);
    expect(meters(panel).map((meter) => meter.getAttribute('aria-valuenow'))).toEqual(['0', '0', '0', '0']);
    expect(meters(panel)[0].getAttribute('aria-valuetext')).toBe('0.0%，门槛：至少 2/3（66.7%），未达到');
    expect(meters(panel)[3].getAttribute('aria-valuetext')).toContain('超过 1/2（50.0%）');
    expect(text(part(panel, 'tally'))).toContain(`名册共 ${node.tally.rollHouseholds} 户`);
    expect(text(part(panel, 'verdict'))).toBe('若现在截止：不能通过');
    // Anonymous: no ballot, a hint to sign in; live.
    expect(text(part(panel, 'ballot'))).toContain('业主登录后可在此投票。');
    expect(part(panel, 'cast-button')).toBeNull();
    await until(() => live(panel) === '实时更新中');
    await expectAccessible(panel);
  });

  it('casts an owner’s ballot after a confirmation step and shows the receipt; another panel’s bars move live', async () => {
    const id = await openVote();
    const [owner] = world.owners;
    const panel = mount({ endpoint: graphqlUrl(), proposal: id }, owner.token);
    const watcher = mount({ endpoint: graphqlUrl(), proposal: id });
    await ready(panel);
    await ready(watcher);
    await until(() => live(watcher) === '实时更新中' && live(panel) === '实时更新中');
    expect(participants(watcher)).toBe(0);
    await expectAccessible(panel);

    // No choice yet: the panel says so, focus on the first choice.
    part(panel, 'cast-button')!.click();
    await until(() => text(part(panel, 'notice')) === '请先选择同意、反对或弃权。');
    expect(shadow(panel).activeElement).toBe(shadow(panel).querySelector('input[value="FOR"]'));

    choose(panel, 'FOR');
    part(panel, 'cast-button')!.click();
    // The confirmation step, focus on its button; going back casts nothing.
    await until(() => shadow(panel).activeElement === part(panel, 'confirm-button'));
    expect(text(shadow(panel).querySelector('.confirm p'))).toMatch(/^确认为 .+ 投「同意」吗？提交后不能更改。$/);
    await expectAccessible(panel);
    button(panel, '返回修改')!.click();
    await until(() => shadow(panel).activeElement === part(panel, 'cast-button'));
    expect(participants(watcher)).toBe(0);

    part(panel, 'cast-button')!.click();
    await until(() => shadow(panel).activeElement === part(panel, 'confirm-button'));
    const cast = next<{ proposal: string; choice: string }>(panel, 'gz-ballot-cast');
    // By keyboard: Enter on the focused confirm button.
    await userEvent.keyboard('{Enter}');
    expect((await cast).detail).toEqual({ proposal: id, choice: 'FOR' });
    await until(() => part(panel, 'receipt'));
    const receipt = text(part(panel, 'receipt-code'));
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(text(part(panel, 'receipt'))).toContain('投票成功，您的回执码：');
    expect(text(part(panel, 'receipt'))).toContain('回执码只显示这一次');
    expect(shadow(panel).activeElement).toBe(part(panel, 'receipt'));
    // Cast, final: no form and no change button.
    expect(text(part(panel, 'ballot'))).toMatch(/已投「同意」/);
    expect(part(panel, 'cast-button')).toBeNull();
    expect(part(panel, 'change-button')).toBeNull();
    part(panel, 'copy-button')!.click();
    await until(() =>
      ['已复制', '无法自动复制，请手动抄下回执码。'].includes(text(part(panel, 'receipt')!.querySelector('[role="status"]'))),
    );
    await expectAccessible(panel);

    // The other panel, never reloaded, follows the subscription.
    await until(() => participants(watcher) === 1);
    expect(Number(meters(watcher)[1].getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    expect(meters(watcher)[3].getAttribute('aria-valuenow')).toBe('100');
    // A second ballot cast elsewhere moves both.
    expect((await castDirectly(world.owners[1].token, id, 'AGAINST')).userErrors).toEqual([]);
    await until(() => participants(watcher) === 2 && participants(panel) === 2);
    expect(meters(watcher)[3].getAttribute('aria-valuenow')).toBe('50');
    expect(text(part(watcher, 'tally'))).toContain('同意 1 户 · 反对 1 户 · 弃权 0 户');
    await expectAccessible(watcher);
  });

  it('translates a refusal: the household voted elsewhere in the meantime', async () => {
    const id = await openVote();
    const owner = world.owners[2];
    const panel = mount({ endpoint: graphqlUrl(), proposal: id }, owner.token);
    await until(() => part(panel, 'cast-button'));
    // The same owner votes from another device first.
    expect((await castDirectly(owner.token, id, 'ABSTAIN')).userErrors).toEqual([]);
    choose(panel, 'AGAINST');
    part(panel, 'cast-button')!.click();
    await until(() => part(panel, 'confirm-button'));
    part(panel, 'confirm-button')!.click();
    await until(() => text(part(panel, 'notice')) === '这一户已经投过票了，不能再投。');
    expect(part(panel, 'notice')!.getAttribute('role')).toBe('alert');
    // The panel catches up: the ballot cast elsewhere is shown.
    await until(() => text(part(panel, 'ballot')).includes('已投「弃权」'));
    expect(part(panel, 'receipt')).toBeNull();
    await expectAccessible(panel);
  });

  it('lets an owner change their ballot where the proposal allows it', async () => {
    const id = await openVote({ ballotsChangeable: true });
    const owner = world.owners[3];
    const panel = mount({ endpoint: graphqlUrl(), proposal: id }, owner.token);
    await until(() => part(panel, 'cast-button'));
    expect(text(part(panel, 'matter'))).toContain('截止前可以更改选择');
    choose(panel, 'AGAINST');
    part(panel, 'cast-button')!.click();
    await until(() => part(panel, 'confirm-button'));
    expect(text(shadow(panel).querySelector('.confirm p'))).toContain('截止前还可以更改。');
    part(panel, 'confirm-button')!.click();
    await until(() => part(panel, 'receipt-code'));
    const first = text(part(panel, 'receipt-code'));

    part(panel, 'change-button')!.click();
    await until(() => part(panel, 'cast-button'));
    choose(panel, 'FOR');
    part(panel, 'cast-button')!.click();
    await until(() => part(panel, 'confirm-button'));
    const cast = next<{ choice: string }>(panel, 'gz-ballot-cast');
    part(panel, 'confirm-button')!.click();
    expect((await cast).detail.choice).toBe('FOR');
    await until(() => text(part(panel, 'receipt')).includes('已更改，您的新回执码：'));
    expect(text(part(panel, 'receipt-code'))).not.toBe(first);
    await until(() => text(part(panel, 'ballot')).includes('已投「同意」'));
    // Counted once.
    await until(() => participants(panel) === 1);
  });

  it('tells a signed-in person who owns nothing on the roll that they cannot vote', async () => {
    const id = await openVote();
    const panel = mount({ endpoint: graphqlUrl(), proposal: id }, inject('token'));
    await ready(panel);
    expect(text(part(panel, 'ballot'))).toContain('您名下没有本次表决名册中的房屋，不能投票。');
    expect(part(panel, 'cast-button')).toBeNull();
  });

  it('speaks English with lang="en"', async () => {
    const id = await openVote();
    const panel = mount({ endpoint: graphqlUrl(), proposal: id, lang: 'en' }, world.owners[4].token);
    await until(() => part(panel, 'cast-button'));
    const { node } = await askAs<{ node: { ruleDescription: string } }>(
      null,
      'query($id: ID!) { node(id: $id) { ... on Proposal { ruleDescription(language: EN) } } }',
      { id },
    );
    expect(text(part(panel, 'stage'))).toBe('Voting');
    expect(text(part(panel, 'matter'))).toContain(node.ruleDescription);
    expect(text(part(panel, 'matter'))).toContain('Hiring or dismissing the property management company');
    expect(text(shadow(panel).getElementById('gz-vote-tally-heading'))).toBe('Live count');
    expect(meters(panel).map((meter) => shadow(panel).getElementById(meter.getAttribute('aria-labelledby')!)!.textContent)).toEqual([
      'Taking part (floor area)',
      'Taking part (headcount)',
      'In favour (floor area)',
      'In favour (headcount)',
    ]);
    expect(meters(panel)[1].getAttribute('aria-valuetext')).toBe('0.0%, threshold: at least 2/3 (66.7%), not met');
    expect(text(part(panel, 'verdict'))).toBe('If voting closed now, it would not pass');
    expect([...shadow(panel).querySelectorAll('input[name="gz-vote-choice"]')].map((input) => text(input.parentElement))).toEqual([
      'For',
      'Against',
      'Abstain',
    ]);
    expect(text(part(panel, 'cast-button'))).toBe('Cast ballot');
    await expectAccessible(panel);
  });
});

const button = (panel: HTMLElement, label: string) =>
  [...shadow(panel).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label) ?? null;

describe('<gz-voting-panel> after close', () => {
  it('shows the result and the digest, and a receipt check says counted', async () => {
    const closesAt = Date.now() + 6_000;
    const id = await openVote({ votingClosesAt: new Date(closesAt).toISOString() });
    const [owner, other] = world.owners;
    const panel = mount({ endpoint: graphqlUrl(), proposal: id }, owner.token);
    await until(() => part(panel, 'cast-button'));
    choose(panel, 'FOR');
    part(panel, 'cast-button')!.click();
    await until(() => part(panel, 'confirm-button'));
    part(panel, 'confirm-button')!.click();
    await until(() => part(panel, 'receipt-code'));
    const receipt = text(part(panel, 'receipt-code'));
    expect((await castDirectly(other.token, id, 'AGAINST')).userErrors).toEqual([]);

    // The window passes: the ballot form goes, the panel says the votes are being counted.
    await until(() => Date.now() > closesAt + 300, 10_000);
    await until(() => status(panel) === '投票时间已到，正在计票，结果稍后公布。');
    expect(part(panel, 'cast-button')).toBeNull();
    const closed = await move('closeVoting', id);
    // The API's sweep may have closed it first.
    expect(closed.proposal?.stage === 'DECIDED' || closed.userErrors.some((e) => e.code === 'WRONG_STAGE')).toBe(true);

    // Live: the result comes without a reload.
    await until(() => part(panel, 'outcome'));
    const { node } = await askAs<{ node: { outcome: string; ballotDigest: string; ballotCount: number } }>(
      null,
      'query($id: ID!) { node(id: $id) { ... on Proposal { outcome ballotDigest ballotCount } } }',
      { id },
    );
    expect(node.ballotCount).toBe(2);
    expect(text(part(panel, 'stage'))).toBe('已表决');
    expect(text(part(panel, 'outcome'))).toContain(node.outcome === 'PASSED' ? '通过' : '未通过');
    expect(text(shadow(panel).getElementById('gz-vote-tally-heading'))).toBe('最终票数');
    expect(part(panel, 'verdict')).toBeNull();
    expect(text(part(panel, 'digest'))).toBe(node.ballotDigest);
    expect(node.ballotDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(text(part(panel, 'verify'))).toContain('计入选票 2');
    expect(meters(panel)[1].closest('.measure')!.textContent).toContain('2 /');
    await expectAccessible(panel);

    // The receipt of this session is filled in; the check says counted, first in the log.
    const input = shadow(panel).getElementById('gz-vote-receipt') as HTMLInputElement;
    expect(input.value).toBe(receipt);
    (part(panel, 'check-form') as HTMLFormElement).requestSubmit();
    await until(() => text(part(panel, 'check-result')) === '已计入：第 1 张选票，选择「同意」。');
    expect(part(panel, 'check-result')!.getAttribute('role')).toBe('status');
    await expectAccessible(panel);

    // A code typed in lower case and without dashes is the same code; a made-up one is not counted.
    input.value = receipt.toLowerCase().replaceAll('-', ' ');
    input.dispatchEvent(new Event('input'));
    part(panel, 'check-button')!.click();
    await panel.updateComplete;
    expect(text(part(panel, 'check-result'))).toBe('正在核对…');
    await until(() => text(part(panel, 'check-result')).startsWith('已计入'));
    input.value = 'AAAA-BBBB-CCCC-DDDD';
    input.dispatchEvent(new Event('input'));
    part(panel, 'check-button')!.click();
    await panel.updateComplete;
    await until(() => text(part(panel, 'check-result')).startsWith('未找到这个回执码'));

    // In English, a fresh panel on the decided vote.
    const english = mount({ endpoint: graphqlUrl(), proposal: id, lang: 'en' });
    await ready(english);
    expect(text(part(english, 'stage'))).toBe('Decided');
    expect(text(shadow(english).getElementById('gz-vote-result-heading'))).toBe('Result');
    expect(text(part(english, 'outcome'))).toContain(node.outcome === 'PASSED' ? 'Passed' : 'Not passed');
    expect(text(part(english, 'verify'))).toContain('Digest of the ballot log (SHA-256)');
    const englishInput = shadow(english).getElementById('gz-vote-receipt') as HTMLInputElement;
    englishInput.value = receipt;
    englishInput.dispatchEvent(new Event('input'));
    part(english, 'check-button')!.click();
    await until(() => text(part(english, 'check-result')) === 'Counted: ballot no. 1, “For”.');
    await expectAccessible(english);
  }, 60_000);
});

describe('<gz-voting-panel> when things go wrong', () => {
  it('says what is missing, and shows error and offline states with a retry button, accessibly', async () => {
    const empty = mount({ endpoint: graphqlUrl() });
    await empty.updateComplete;
    expect(status(empty)).toBe('未指定表决事项。');

    const missing = mount({ endpoint: graphqlUrl(), proposal: btoa('Proposal:99999999').replace(/=+$/, '') });
    await ready(missing);
    expect(status(missing)).toBe('找不到该表决事项，或它尚未公示。');
    await expectAccessible(missing);

    const broken = mount({ endpoint: `${location.origin}/no-such-graphql-endpoint`, proposal: 'UHJvcG9zYWw6MQ' });
    expect((await next<{ code: string }>(broken, 'gz-error')).detail.code).toBe('HTTP');
    await until(() => part(broken, 'retry-button'));
    expect(status(broken)).toMatch(/^加载失败：.*404/);
    await expectAccessible(broken);

    const id = await openVote();
    const offline = mount({ endpoint: 'http://127.0.0.1:9/graphql', proposal: id });
    expect((await next<{ code: string }>(offline, 'gz-error')).detail.code).toBe('OFFLINE');
    await until(() => part(offline, 'retry-button'));
    expect(status(offline)).toBe('无法连接服务器，请检查网络后重试。');
    expect(part(offline, 'status')!.getAttribute('role')).toBe('status');
    await expectAccessible(offline);
    // Back online: the retry button loads the vote.
    offline.endpoint = graphqlUrl();
    await until(() => meters(offline).length === 4);
    expect(part(offline, 'retry-button')).toBeNull();
  });
});
