/**
 * The collections beyond users, lines and extensions on the main screen, over the real demo server
 * at 80×24: finding them (`:` with Tab completion, `?`, the Tab set), walking their relations with
 * the path shown and Esc back to the same row, per family (people, routing, SIP), secrets hidden
 * in the raw view.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {resourceDescriptors} from '../../source/resources/registry.js';
import {assertFits, frameLines, KEYS, press, waitForText, type Rendered} from '../helpers/ink.js';
import {loginApp, waitUntil, type AppHarness} from '../app/harness.js';

let server: DemoServer;

before(async () => {
  server = await startDemoServer({users: 200, lines: 240});
});

after(() => server.close());

async function session(run: (harness: AppHarness) => Promise<void>): Promise<void> {
  const harness = await loginApp(server);
  try {
    await run(harness);
  } finally {
    await harness.close();
  }
}

function selected(app: Rendered): string {
  return frameLines(app).find((line) => line.startsWith('›')) ?? '';
}

/** Moves the detail cursor down to the first line matching `pattern` (within 60 lines). */
async function moveTo(app: Rendered, pattern: RegExp): Promise<string> {
  for (let step = 0; step < 60; step++) {
    if (pattern.test(selected(app))) return selected(app);
    await press(app, 'j');
  }
  assert.fail(`no line matching ${pattern} under the cursor in:\n${app.lastFrame()}`);
}

async function command(app: Rendered, text: string): Promise<void> {
  await openCommandLine(app);
  await press(app, text, KEYS.enter);
}

async function openCommandLine(app: Rendered): Promise<void> {
  await press(app, ':');
  await waitForText(app, /^:/m);
}

/** Waits until the open record is loaded (its id or uuid field shows). */
async function loaded(app: Rendered): Promise<void> {
  await waitForText(app, /^ {2}(id|uuid) +\S+$/m);
}

describe('finding the collections', () => {
  test(': opens a collection by name or alias; Tab completes the word on the line', async () => {
    await session(async ({app}) => {
      await command(app, 'grp');
      await waitForText(app, /^Groups {2}rows 1–\d+ of \d+ · sort label ▲ asc/m);
      assert.match(app.lastFrame() ?? '', /Label▲ +Extension +Members/);
      await command(app, 'trunks');
      await waitForText(app, /^Trunks {2}rows 1–/m);
      await openCommandLine(app);
      await press(app, 'q', KEYS.tab);
      await waitForText(app, /^:qu/m);
      await press(app, KEYS.tab);
      await waitForText(app, /^:queues/m);
      await press(app, KEYS.enter);
      await waitForText(app, /^Queues {2}rows 1–/m);
      await openCommandLine(app);
      await press(app, 'sip-t', KEYS.tab);
      await waitForText(app, /^:sip-templates/m);
      await press(app, KEYS.enter);
      await waitForText(app, /^SIP templates {2}rows 1–/m);
      assertFits(app.lastFrame() ?? '', 80);
    });
  });

  test('Tab cycles users → lines → extensions → groups → queues → users; from elsewhere it goes back to users', async () => {
    await session(async ({app}) => {
      for (const title of ['Lines', 'Extensions', 'Groups', 'Queues', 'Users']) {
        await press(app, KEYS.tab);
        await waitForText(app, new RegExp(`^${title} {2}rows 1–`, 'm'));
      }
      await command(app, 'devices');
      await waitForText(app, /^Devices {2}rows 1–/m);
      await press(app, KEYS.tab);
      await waitForText(app, /^Users {2}rows 1–/m);
    });
  });

  test('? lists every collection with its : names and the ACL it needs', async () => {
    await session(async ({app}) => {
      await press(app, '?');
      await waitForText(app, 'Keys (Esc or ? closes)');
      const seen = new Set<string>();
      for (let step = 0; step < 8; step++) {
        for (const line of frameLines(app)) seen.add(line);
        await press(app, KEYS.pageDown);
      }
      const text = [...seen].join('\n');
      assert.match(text, /Collections \(: then a name; Tab completes\)/);
      for (const descriptor of resourceDescriptors) {
        assert.ok(text.includes(`:${descriptor.name}`) && text.includes(descriptor.acl), `? lists ${descriptor.name} and ${descriptor.acl}`);
      }
    });
  });
});

describe('relations, per family', () => {
  test('people: user Émilie → her group → a member → her line → its device, the path shown; Esc back to the same rows', async () => {
    await session(async ({app}) => {
      await press(app, '/');
      await press(app, 'émilie', KEYS.enter);
      await waitForText(app, /search “émilie”: \d+ match/);
      // The tenant's first user (id 1) is the Émilie whose main line is on a device, in her tenant's second group.
      for (let step = 0; step < 10 && !/\s1\s*$/.test(selected(app)); step++) await press(app, 'j');
      const userRow = selected(app);
      assert.match(userRow, /Émilie.*\s1\s*$/);
      await press(app, KEYS.enter);
      await waitForText(app, /^User Émilie/m);
      const group = await moveTo(app, /^› Group {2}/);
      const groupName = group.replace(/^› Group {2}/, '').trim();
      await press(app, KEYS.enter);
      await waitForText(app, /^User Émilie .* › Group /m);
      await loaded(app);
      const member = await moveTo(app, /^› Member {2}Émilie/);
      await press(app, KEYS.enter);
      await waitForText(app, /› Member Émilie/);
      await loaded(app);
      await moveTo(app, /^› Line {2}/);
      await press(app, KEYS.enter);
      await waitForText(app, /› Line \S+$/m);
      await loaded(app);
      await moveTo(app, /^› Device {2}/);
      await press(app, KEYS.enter);
      await waitForText(app, /^ {2}mac +\S+/m);
      const trail = frameLines(app).find((line) => line.includes(' › Device ')) ?? '';
      assert.match(trail, /Line \S+ › Device /, `the path ends with the line and the device: ${trail}`);
      assert.match(trail, /› Member Émilie/, 'the path names the member followed');
      // Esc walks back: the line, the member, the group (cursor on the member), the user (on the group), the users' row.
      for (let step = 0; step < 3; step++) await press(app, KEYS.escape);
      await waitUntil(() => selected(app) === member, () => `back on ${member} in:\n${app.lastFrame()}`);
      await press(app, KEYS.escape);
      await waitUntil(() => selected(app) === group, () => `back on ${group} (${groupName}) in:\n${app.lastFrame()}`);
      await press(app, KEYS.escape);
      await waitUntil(() => selected(app) === userRow, () => `back on ${userRow} in:\n${app.lastFrame()}`);
      assertFits(app.lastFrame() ?? '', 80);
    });
  });

  test('routing: an incall opens its destination; a trunk its outcall, and that outcall leads back to the trunk', async () => {
    await session(async ({app}) => {
      await command(app, 'incalls');
      await waitForText(app, /^Incalls {2}rows 1–/m);
      await press(app, KEYS.enter);
      await waitForText(app, /^Incall /m);
      const destination = frameLines(app).find((line) => /^[› ] Destination \(/.test(line));
      if (destination) {
        await moveTo(app, /^› Destination \(/);
        await press(app, KEYS.enter);
        await waitForText(app, /› \w+ /);
        await press(app, KEYS.escape);
      }
      await press(app, KEYS.escape);
      await command(app, 'trunks');
      await waitForText(app, /^Trunks {2}rows 1–/m);
      let found = false;
      for (let row = 0; row < 10 && !found; row++) {
        await press(app, KEYS.enter);
        await waitForText(app, /^ {2}id +\d+$/m);
        if (frameLines(app).some((line) => /^[› ] Outcall {2}/.test(line))) {
          found = true;
          await moveTo(app, /^› Outcall {2}/);
          await press(app, KEYS.enter);
          await waitForText(app, /^Trunk .* › Outcall /m);
          await waitForText(app, /^[› ] Trunk {2}/m);
        } else {
          await press(app, KEYS.escape, 'j');
        }
      }
      assert.ok(found, 'one of the first trunks carries an outcall');
    });
  });

  test('dial plan: a context opens the table of its extensions (confd filters them), Enter opens one, Esc comes back twice', async () => {
    await session(async ({app}) => {
      await command(app, 'contexts');
      await waitForText(app, /^Contexts {2}rows 1–/m);
      let found = '';
      for (let row = 0; row < 8 && !found; row++) {
        await press(app, KEYS.enter);
        await loaded(app);
        const line = frameLines(app).find((each) => /^[› ] Extensions in {2}\S+/.test(each));
        if (line) found = line.replace(/^[› ] Extensions in {2}/, '').trim();
        else await press(app, KEYS.escape, 'j');
      }
      assert.ok(found, 'one of the first contexts has a name');
      const contextLine = await moveTo(app, /^› Extensions in {2}/);
      await press(app, KEYS.enter);
      const table = await waitForText(app, /› Extensions {2}rows 1–\d+ of \d+/);
      const rows = frameLines(app).filter((line) => /^[› ] [\d*#_+]/.test(line));
      assert.ok(rows.length > 0 && rows.every((line) => line.includes(found.slice(0, 12))), `only the extensions of ${found}:\n${table}`);
      await press(app, 'j');
      const row = selected(app);
      await press(app, KEYS.enter);
      await waitForText(app, /› Extension \S+/);
      await waitForText(app, new RegExp(`^ {2}context +${found.slice(0, 20)}`, 'm'));
      await press(app, KEYS.escape);
      await waitUntil(() => selected(app) === row, () => `back on ${row} in:\n${app.lastFrame()}`);
      await press(app, KEYS.escape);
      await waitUntil(() => selected(app) === contextLine, () => `back on ${contextLine} in:\n${app.lastFrame()}`);
    });
  });

  test('SIP: a line opens its SIP endpoint, whose password shows as (hidden), in the raw view too', async () => {
    await session(async ({app}) => {
      await command(app, 'sip');
      await waitForText(app, /^SIP endpoints {2}rows 1–/m);
      await press(app, KEYS.enter);
      await waitForText(app, /^SIP endpoint /m);
      await waitForText(app, /^ {2}uuid /m);
      assert.match(await moveTo(app, /auth_section_options\.pas/), /auth_section_options\.pas\S* +\(hidden\)$/);
      await press(app, 'y');
      await waitForText(app, /raw JSON/);
      const raw: string[] = [];
      for (let step = 0; step < 10; step++) {
        raw.push(...frameLines(app));
        await press(app, KEYS.pageDown);
      }
      assert.ok(raw.some((line) => /"password",\s*$/.test(line) || line.includes('"(hidden)"')), `the raw view shows the password key, hidden:\n${raw.join('\n')}`);
      const shown = raw.join('\n');
      const passwordValues = [...shown.matchAll(/"password",\s*"([^"]*)"/g)].map((match) => match[1]);
      for (const value of passwordValues) assert.equal(value, '(hidden)');
    });
  });
});
