/**
 * Lessons in real Chromium: a whole lesson in English (predict by choice and by clicking an
 * interface on the drawing, run, tasks done in the inspector, goals checked live, progress
 * saved), one in 简体中文 (a wrong answer shows the proving decision and a hint; the task
 * done by hand; "show solution" replays the reference), trainer mode driven with PageDown,
 * and the user's own scenario kept through it all; an LVS lesson over real connections with its
 * locked setting refused in the inspector and the console, its score, and a trainer's extra lock
 * carried by the class link; the kube-vip field case (a reply-form GARP C does not take, and
 * why) in English and 简体中文. Screenshots: e2e/screenshots/lessons-*.png.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ArpLabPage } from './pages/ArpLabPage.ts';

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(200);
  await page.screenshot({ path: `e2e/screenshots/lessons-${name}.png` });
};

async function configure(page: Page, host: string) {
  await page.getByRole('button', { name: new RegExp(`^(Host|主机) ${host}$`) }).click();
  await page.getByRole('tab', { name: /^(Configure|配置)$/ }).click();
  // The Configure tab's editor is its own chunk, loaded on first use. Under React.lazy it stayed
  // empty for over 20 s while playback ran on a loaded machine (a starved Suspense retry; now
  // src/view/loadedOnUse.tsx); the chunk itself may still take a few seconds there.
  await expect(page.getByTestId('host-editor')).toBeVisible({ timeout: 10_000 });
}

async function setSysctl(page: Page, key: string, value: string) {
  await page.getByLabel(key, { exact: true }).selectOption(value);
  await expect(page.getByLabel(key, { exact: true })).toHaveValue(value);
}

const panel = (page: Page) => page.getByTestId('lesson-panel');
const goal = (page: Page, id: string) => panel(page).locator(`[data-goal="${id}"]`);

test('English: the whole ARP flux lesson, answered by choice and on the drawing; the user’s scenario comes back', async ({ page }) => {
  const app = new ArpLabPage(page);
  await app.open();
  // The user's own work, saved in the browser before the lesson.
  await configure(page, 'A');
  await setSysctl(page, 'net.ipv4.conf.all.arp_announce', '1');
  const saved = await page.evaluate(() => localStorage.getItem('arplab.scenario'));
  expect(saved).toContain('arp_announce');

  await page.getByTestId('lessons-button').click();
  await expect(panel(page).getByRole('heading', { name: 'Course' })).toBeVisible();
  await shot(page, '01-course');
  await panel(page).locator('[data-lesson="arp-flux"]').click();
  await expect(page).toHaveURL(/[?&]lesson=arp-flux&step=1$/);
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 2');

  // Step 1: predict (both NICs answer, with rp_filter=0), then the run reveals.
  await expect(panel(page).getByText('Answer first')).toBeVisible();
  await expect(page.getByTestId('lesson-task')).toHaveCount(0);
  await panel(page).locator('[data-choice="both"]').click();
  await expect(page.getByTestId('lesson-reveal')).toContainText('Right.');
  await expect(page.getByTestId('lesson-reveal')).toContainText('weak host model');
  await expect(goal(page, 'eth1-quiet')).toHaveAttribute('data-met', 'false');
  await shot(page, '02-revealed');

  // The task, in the inspector: arp_ignore=1 on A. Goals turn green as the simulation changes.
  await configure(page, 'A');
  await setSysctl(page, 'net.ipv4.conf.all.arp_ignore', '1');
  await expect(goal(page, 'eth1-quiet')).toHaveAttribute('data-met', 'true');
  await expect(goal(page, 'b-eth0')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('lesson-solved')).toContainText('Step solved.');
  await expect(page.getByTestId('lesson-score')).toHaveText('Score: 100/100 — 2 of 2 goals, 1 changes (reference solution: 1)');
  await shot(page, '03-solved');

  // Step 2: answered by clicking an interface on the drawing.
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 2');
  await expect(page).toHaveURL(/step=2/);
  await page.locator('[data-port="A.eth0"] .port-box').click();
  await expect(panel(page).locator('[data-choice="A.eth0"]')).toHaveClass(/right/);
  await expect(page.getByTestId('lesson-reveal')).toContainText('Right.');
  await configure(page, 'A');
  await setSysctl(page, 'net.ipv4.conf.all.arp_announce', '2');
  await expect(goal(page, 'b-eth1')).toHaveAttribute('data-met', 'true');
  await expect(goal(page, 'asks-as-17')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('lesson-solved')).toBeVisible();

  // Progress is saved per lesson; the saved work was not touched by the lesson's edits.
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('arplab.lesson.arp-flux') ?? '{}'));
  expect(progress.steps['both-answer']).toMatchObject({ answer: 'both', correct: true, solved: true, changes: 1 });
  expect(progress.steps['request-from-36']).toMatchObject({ answer: 'A.eth0', correct: true, solved: true });
  expect(await page.evaluate(() => localStorage.getItem('arplab.scenario'))).toBe(saved);

  // A reload keeps the lesson and the step (the link), and the course shows the progress.
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 2');
  await page.getByTestId('lesson-back').click();
  await expect(panel(page).locator('[data-lesson="arp-flux"]')).toContainText('2/2 steps');

  // Leaving: the user's scenario (with its arp_announce=1 edit) is back, and still saved.
  await page.getByTestId('lesson-exit').click();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson=/);
  await configure(page, 'A');
  await expect(page.getByLabel('net.ipv4.conf.all.arp_announce', { exact: true })).toHaveValue('1');
  expect(await page.evaluate(() => localStorage.getItem('arplab.scenario'))).toBe(saved);
});

test('简体中文: proxy ARP — a wrong answer shows the deciding rule and a hint; solved by hand, then by the reference solution', async ({ page }) => {
  await page.goto('/?lang=zh&speed=10&lesson=proxy-arp');
  await expect(page.getByTestId('lesson-step')).toHaveText('第 1 步，共 1 步');
  await expect(page.getByTestId('lesson-prose')).toContainText('路由器 R 之后');
  // Predict on the drawing: R (wrong: with proxy_arp=0 nobody answers).
  await page.getByRole('button', { name: /^主机 R$/ }).click();
  const reveal = page.getByTestId('lesson-reveal');
  await expect(reveal).toContainText('不对：答案是“没人应答”');
  await expect(page.getByTestId('lesson-proof')).toContainText('proxy_arp');
  await expect(page.getByTestId('lesson-hint').first()).toContainText('R 已经开启转发');
  // The Why panel shows the decision that proves it.
  await expect(page.getByTestId('why').locator('[data-rule="proxy_arp"]').first()).toBeVisible();
  await shot(page, '04-zh-wrong');

  // The task by hand: proxy_arp on R's eth0.
  await configure(page, 'R');
  await setSysctl(page, 'net.ipv4.conf.eth0.proxy_arp', '1');
  await expect(goal(page, 'proxied')).toHaveAttribute('data-met', 'true');
  await expect(goal(page, 'ping-ok')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('lesson-solved')).toContainText('本步完成');
  await shot(page, '05-zh-solved');

  // Show solution: the step is reset (goals open again), then the reference edit replays.
  await page.getByTestId('lesson-solution').click();
  await expect(goal(page, 'proxied')).toHaveAttribute('data-met', 'false');
  await expect(panel(page).getByText('正在重放参考答案')).toBeVisible();
  await expect(goal(page, 'proxied')).toHaveAttribute('data-met', 'true', { timeout: 10_000 });
  await expect(page.getByTestId('lesson-solved')).toContainText('使用参考答案完成');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('arplab.lesson.proxy-arp') ?? '{}'));
  expect(progress.steps['router-answers']).toMatchObject({ answer: 'R', correct: false, solved: true, usedSolution: true });
});

test('trainer mode: PageDown steps question → answer → task → next step; spotlight; the class link opens the current step', async ({ page }) => {
  await page.goto('/?lang=en&speed=10&lesson=arp-ignore&trainer=1');
  await expect(page.locator('.app.trainer')).toBeVisible();
  await expect(page.getByTestId('trainer-stage')).toHaveText('Question');
  // Answers hidden until revealed: no right/wrong marks, no reveal text, no task.
  await expect(page.getByTestId('lesson-reveal')).toHaveCount(0);
  await expect(panel(page).locator('.choice.right')).toHaveCount(0);
  await expect(page.getByTestId('lesson-task')).toHaveCount(0);
  await shot(page, '06-trainer-question');

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('trainer-stage')).toHaveText('Answer');
  await expect(panel(page).locator('[data-choice="yes"]')).toHaveClass(/right/);
  await expect(page.getByTestId('lesson-reveal')).toContainText('any local address is answered');
  // Spotlight on a host clicked on the drawing.
  await page.getByRole('button', { name: /^Host A$/ }).click();
  await expect(page.getByTestId('spotlight')).toContainText('Spotlight: A');
  await expect(page.locator('#canvas-main g.host[data-host="B"]')).toHaveCSS('opacity', '0.15');
  await shot(page, '07-trainer-answer-spotlight');

  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('trainer-stage')).toHaveText('Task');
  await expect(page.getByTestId('lesson-task')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 4');
  await expect(page.getByTestId('trainer-stage')).toHaveText('Question');
  const classLink = await page.getByTestId('class-link').inputValue();
  expect(classLink).toMatch(/\/\?lesson=arp-ignore&step=2$/);
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 4');
  await expect(page.getByTestId('trainer-stage')).toHaveText('Task');

  // The class link: the lesson at step 2, for a learner (no trainer view).
  await page.goto(classLink.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 2 of 4');
  await expect(page.locator('.app.trainer')).toHaveCount(0);
  await shot(page, '08-class-link');
});

const typeLine = async (page: Page, host: string, line: string) => {
  await page.getByTestId(`console-term-${host}`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
};
const term = (page: Page, host: string) => page.getByTestId(`console-term-${host}`).locator('.xterm-rows');

test('LVS-DR over real connections: who served them, a locked setting refused in the inspector and the console, the score', async ({ page }) => {
  await page.goto('/?lang=en&speed=10&lesson=lvs-dr-arp');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 2');
  // Predict: the director schedules them (wrong: RS2 answered R's ARP request first).
  await panel(page).locator('[data-choice="D"]').click();
  const reveal = page.getByTestId('lesson-reveal');
  await expect(reveal).toContainText('Not quite: the answer is “RS2, directly”');
  await expect(reveal).toContainText('the director is bypassed');
  await expect(page.getByTestId('lesson-proof')).toContainText('RS2');
  await expect(goal(page, 'no-bypass')).toHaveAttribute('data-met', 'false');
  await expect(page.getByTestId('lesson-locks')).toContainText('Locked: rp_filter');
  await shot(page, '09-lvs-revealed');

  // The locked knob: shown locked and not editable in the inspector…
  await configure(page, 'RS1');
  const rp = page.getByLabel('net.ipv4.conf.all.rp_filter', { exact: true });
  await expect(rp).toBeDisabled();
  await expect(page.locator('tr[data-locked] .knob')).toHaveText('rp_filter');
  // …and refused with the reason when typed in the console.
  await page.getByTestId('inspector-console').click();
  await expect(term(page, 'RS1')).toContainText('RS1$');
  await typeLine(page, 'RS1', 'sysctl -w net.ipv4.conf.all.rp_filter=1');
  await expect(term(page, 'RS1')).toContainText('rp_filter is locked in this lesson');
  expect(await page.evaluate(() => (window as unknown as { __arplab: { getState(): { past: unknown[] } } }).__arplab.getState().past.length)).toBe(0);

  // The fix on both real servers: four changes, as many as the reference solution.
  for (const rs of ['RS1', 'RS2']) {
    await configure(page, rs);
    await setSysctl(page, 'net.ipv4.conf.all.arp_ignore', '1');
    if (rs === 'RS1') await expect(page.getByTestId('lesson-score')).toHaveCount(0);
    await setSysctl(page, 'net.ipv4.conf.all.arp_announce', '2');
  }
  for (const g of ['no-bypass', 'balanced', 'router-d']) await expect(goal(page, g)).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('lesson-solved')).toContainText('Step solved.');
  await expect(page.getByTestId('lesson-score')).toHaveText('Score: 100/100 — 3 of 3 goals, 4 changes (reference solution: 4)');
  await page.getByTestId('lesson-score').scrollIntoViewIfNeeded();
  await shot(page, '10-lvs-solved');
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('arplab.lesson.lvs-dr-arp') ?? '{}'));
  expect(progress.steps['who-serves']).toMatchObject({ answer: 'D', correct: false, solved: true, changes: 4, points: 100 });
});

test('trainer locks: an extra locked setting goes into the class link and the learner\'s inspector; 简体中文', async ({ page }) => {
  await page.goto('/?lang=zh&speed=10&lesson=lvs-tun&step=2&trainer=1');
  await expect(page.getByTestId('lesson-step')).toHaveText('第 2 步，共 2 步');
  await page.getByTestId('lock-summary').click();
  const picker = page.getByTestId('lock-picker');
  // The step's own locks are on and cannot be lifted; the trainer adds rp_filter's neighbour accept_local.
  await expect(picker.locator('[data-lock="arp_ignore"]')).toBeChecked();
  await expect(picker.locator('[data-lock="arp_ignore"]')).toBeDisabled();
  await picker.locator('[data-lock="accept_local"]').check();
  await expect(page).toHaveURL(/lock=accept_local/);
  const classLink = await page.getByTestId('class-link').inputValue();
  expect(classLink).toMatch(/\/\?lesson=lvs-tun&step=2&lock=accept_local$/);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('lesson-reveal')).toContainText('tunl0');
  await shot(page, '11-zh-trainer-locks');

  await page.goto(`${classLink.replace(/^https?:\/\/[^/]+/, '')}&lang=zh`);
  await expect(page.getByTestId('lesson-step')).toHaveText('第 2 步，共 2 步');
  await panel(page).locator('[data-choice="RS1.tunl0"]').click();
  await expect(page.getByTestId('lesson-reveal')).toContainText('严格模式');
  await expect(page.getByTestId('lesson-locks')).toContainText('accept_local');
  await configure(page, 'RS1');
  await expect(page.getByLabel('net.ipv4.conf.all.accept_local', { exact: true })).toBeDisabled();
  await expect(page.getByLabel('net.ipv4.conf.all.arp_announce', { exact: true })).toBeDisabled();
  await setSysctl(page, 'net.ipv4.conf.all.rp_filter', '0');
  await expect(goal(page, 'no-rp-drop')).toHaveAttribute('data-met', 'false');
  await configure(page, 'RS2');
  await setSysctl(page, 'net.ipv4.conf.all.rp_filter', '0');
  await expect(goal(page, 'no-rp-drop')).toHaveAttribute('data-met', 'true');
  await expect(page.getByTestId('lesson-score')).toHaveText('得分：100/100——达成 2/2 个目标，修改 2 次（参考答案：2 次）');
  await page.getByTestId('lesson-score').scrollIntoViewIfNeeded();
  await shot(page, '12-zh-lvs-tun-task');
});

test('a lesson exported as a file and imported back (with a new id and a broken goal): validated, the bad part listed, then played', async ({ page }) => {
  await page.goto('/?lang=en&speed=10&lesson=lvs-nat');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lesson-export').click()]);
  expect(download.suggestedFilename()).toBe('lvs-nat.arplab-lesson.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { id: string; title: { en: string }; steps: { goals: unknown[] }[] };
  expect(file).toMatchObject({ format: 'arplab-lesson', version: 1, id: 'lvs-nat' });
  file.id = 'my-nat';
  file.title.en = 'My NAT lesson';
  file.steps[0].goals.push({ id: 'bogus', goal: { kind: 'connection', result: 'lost' }, label: { en: 'x' } });

  await page.getByTestId('lesson-back').click();
  // An id of the course is refused whole, with the reason…
  await page.getByTestId('lesson-import').setInputFiles({ name: 'same.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, id: 'lvs-nat' })) });
  await expect(page.getByTestId('lesson-import-error')).toContainText('belongs to a course lesson');
  // …the edited file loads what is valid and lists what was left out.
  await page.getByTestId('lesson-import').setInputFiles({ name: 'my-nat.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('lesson-import-note')).toContainText('Imported “My NAT lesson”.');
  await expect(page.getByTestId('lesson-import-note')).toContainText('steps[0].goals[2]');
  await shot(page, '13-imported');
  await page.getByTestId('imported-lessons').locator('[data-lesson="my-nat"]').click();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 2');
  await expect(page).toHaveURL(/lesson=my-nat/);
  await panel(page).locator('[data-choice="D"]').click();
  await expect(page.getByTestId('lesson-reveal')).toContainText('Right.');
  await page.getByTestId('lesson-solution').click();
  await expect(goal(page, 'balanced')).toHaveAttribute('data-met', 'true', { timeout: 10_000 });
  await expect(page.getByTestId('lesson-solved')).toContainText('Solved with the reference solution');
  // A reload reads it back from the browser, through the same validation.
  await page.reload();
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 2');
  await expect(panel(page).getByRole('heading', { name: 'My NAT lesson' })).toBeVisible();
});

test('authoring: a lesson made from the scenario on screen — start, fix, goals picked from the simulation — saved, played and exported', async ({ page }) => {
  await page.goto('/?lang=en&speed=10&lesson=');
  await expect(panel(page).getByRole('heading', { name: 'Course' })).toBeVisible();
  const author = page.getByTestId('author-panel');
  await author.locator('summary').click();
  await page.getByTestId('author-title').fill('rp_filter on A');
  await page.getByTestId('author-start').click();
  // The fix, in the inspector: loose reverse-path filtering on A.
  await configure(page, 'A');
  await setSysctl(page, 'net.ipv4.conf.all.rp_filter', '2');
  await expect(author).toContainText('1 edits so far');
  const goals = page.getByTestId('author-goals');
  await expect(goals.locator('input').first()).toBeVisible();
  await goals.locator('[data-author-goal="Not any more: A: rp_filter drop (strict_other_dev)"]').check();
  await goals.locator('[data-author-goal="B has 192.168.100.36 at A.eth1’s MAC"]').check();
  await page.getByTestId('author-question').fill('Does A answer on eth1?');
  await author.locator('[data-author-choice="The last command succeeds"]').check();
  await expect(page.getByTestId('author-question-error')).toBeVisible();
  await expect(page.getByTestId('author-add-step')).toBeDisabled();
  await author.locator('[data-author-choice="A: no rp_filter drop"]').check();
  await expect(page.getByTestId('author-question-error')).toHaveCount(0);
  await shot(page, '14-author');
  await page.getByTestId('author-add-step').click();
  await page.getByTestId('author-save').click();
  // The lesson opens at its first step, from the scenario as it was when the step started.
  await expect(panel(page).getByRole('heading', { name: 'rp_filter on A' })).toBeVisible();
  await expect(page).toHaveURL(/lesson=my-rp-filter-on-a/);
  await panel(page).locator('[data-choice]').first().click();
  await expect(page.getByTestId('lesson-reveal')).toBeVisible();
  await expect(panel(page).locator('[data-goal]').first()).toHaveAttribute('data-met', 'false');
  await page.getByTestId('lesson-solution').click();
  await expect(panel(page).locator('[data-goal]').first()).toHaveAttribute('data-met', 'true', { timeout: 10_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lesson-export').click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { steps: { solution: unknown[] }[] };
  expect(file.steps[0].solution).toEqual([{ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.rp_filter', value: 2 }]);
});

test('field case kube-vip PR 82 (English, then 简体中文): the reply C does not take, why, and the reference fix', async ({ page }) => {
  await page.goto('/?speed=10&lesson=field-kube-vip-garp');
  await expect(page.getByTestId('lesson-step')).toHaveText('Step 1 of 2');
  await expect(page.getByTestId('lesson-prose')).toContainText('kube-vip 0.1.8');
  await expect(panel(page).getByRole('link', { name: 'kube-vip/kube-vip/pull/82' })).toHaveAttribute('href', 'https://github.com/kube-vip/kube-vip/pull/82');
  await expect(page.locator('.action-cmd').nth(3)).toHaveText('N2$ packit -t ARP -A 2 -x 192.168.100.100 -y 192.168.100.100 -X 02:00:00:00:0e:02 -Y ff:ff:ff:ff:ff:ff -i eth0 -c 1');
  // A wrong answer opens the decision that proves the right one: not a gratuitous ARP, so locktime holds.
  await panel(page).locator('[data-choice="update"]').click();
  await expect(page.getByTestId('lesson-reveal')).toContainText('arp_is_garp');
  const why = page.getByTestId('why').locator('[data-rule="neigh.locktime"]').first();
  await expect(why).toBeVisible();
  await expect(why).toContainText('is not its sender MAC 02:00:00:00:0e:02, so it is no gratuitous ARP');
  await expect(goal(page, 'gratuitous')).toHaveAttribute('data-met', 'false');
  await shot(page, 'kubevip-01-en-wrong');
  await page.getByTestId('lesson-solution').click();
  await expect(goal(page, 'gratuitous')).toHaveAttribute('data-met', 'true', { timeout: 10_000 });
  await expect(goal(page, 'reaches')).toHaveAttribute('data-met', 'true');
  await expect(page.locator('.action-cmd').nth(3)).toContainText('-Y 02:00:00:00:0e:02');
  await expect(page.getByTestId('lesson-solved')).toBeVisible();
  await shot(page, 'kubevip-02-en-solved');

  // Step 2 in Chinese: the right fields sent to its own MAC; answered right.
  await page.goto('/?lang=zh&speed=10&lesson=field-kube-vip-garp&step=2');
  await expect(page.getByTestId('lesson-step')).toHaveText('第 2 步，共 2 步');
  await expect(page.getByTestId('lesson-prose')).toContainText('PR 82');
  await panel(page).locator('[data-choice="unseen"]').click();
  await expect(page.getByTestId('lesson-reveal')).toContainText('C 根本收不到');
  await expect(goal(page, 'entry-n2')).toHaveAttribute('data-met', 'false');
  await shot(page, 'kubevip-03-zh-revealed');
  await page.getByTestId('lesson-solution').click();
  await expect(goal(page, 'entry-n2')).toHaveAttribute('data-met', 'true', { timeout: 10_000 });
  await expect(page.getByTestId('lesson-solved')).toContainText('使用参考答案完成');
  await shot(page, 'kubevip-04-zh-solved');
});
