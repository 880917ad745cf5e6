/**
 * The one reader of the keyboard. Ink hands a burst of keys to every listener at once, before
 * React re-renders, so a Tab typed ahead moved the focus only after the next characters had
 * gone to the old field. Here the keys of every chunk wait in one queue and are applied one at
 * a time, each after React has committed what the previous one did (the provider re-renders
 * itself after each key and goes on from its layout effect): a Tab moves the focus
 * before the next characters, an Enter submits before anything after it is read.
 *
 * - The one exception: keys every active handler says compose (`batches`: moves in a table, which
 *   only dispatch to the selection's reducer) are applied together when several are queued, and
 *   drawn as one frame.
 * - Screens and fields take keys with {@link useKeys} instead of Ink's `useInput`. A handler may
 *   answer `'wait'`: the key (and every key after it) stays queued until that screen re-renders,
 *   for at most {@link maxWaitMs}, then it is dropped. Only a handler that is the one active
 *   handler may wait (the others would see the key again).
 * - {@link useKeyboard}`().hold()` parks every key (a login in flight); `release()` hands them to
 *   whatever has the keyboard then, `drop()` throws them away (the login failed, or a certificate
 *   question came up: keys typed before it was shown must not answer it).
 * - Bracketed paste is on while the provider is mounted (Ink writes `CSI ?2004h`, and `?2004l`
 *   at exit): a paste reaches only the handlers' `onPaste`, as text, never as keys.
 * - Ctrl-C is never queued: it calls `onInterrupt` at once, from any field, overlay or prompt.
 * - An ESC that came alone, followed within {@link escapeJoinMs} by the rest of a sequence
 *   (`[B`: a slow link split an arrow key), is joined back into that key.
 */
import {createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode} from 'react';
import {useInput, usePaste, type Key} from 'ink';
import {completeEscape, isInterrupt, isLoneEscape, isPlain, splitInput, type KeyPress} from './key-events.js';

/** A key handler: `'wait'` keeps the key queued until the screen re-renders. */
export type KeyHandler = (input: string, key: Key) => void | 'wait';

/** How long a key may wait for the screen it was typed for (a list's first rows, say). */
export const maxWaitMs = 2000;
/**
 * How long a lone ESC waits for the rest of a split sequence, after Ink's own 20 ms. An Escape
 * key costs this much latency; ssh delivers a sequence whole nearly always, so it stays short.
 */
export const escapeJoinMs = 50;

type Item = KeyPress | {paste: string};

/** A typed printable character (Shift aside, no flag): what a run of text is made of. */
function isText(item: Item): item is KeyPress {
  return !('paste' in item) && item.input !== '' && isPlain(item.key);
}

interface Registration {
  handler: {current: KeyHandler};
  runs: {current: boolean};
  batches: {current: ((input: string, key: Key) => boolean) | undefined};
  paste: {current: ((text: string) => void) | undefined};
  active: {current: boolean};
}

class KeyQueue {
  readonly registrations: Registration[] = [];
  private readonly items: Item[] = [];
  private held = false;
  private scheduled = false;
  /** A key is waiting for its screen; `expired` once {@link maxWaitMs} has passed. */
  private wait: 'waiting' | 'expired' | undefined;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private pendingEscape: KeyPress | undefined;
  private escapeTimer: ReturnType<typeof setTimeout> | undefined;

  private awaitingCommit = false;

  constructor(
    private readonly interrupt: {current: () => void},
    private readonly requestCommit: {current: () => void},
  ) {}

  /** One event from Ink. */
  take(input: string, key: Key): void {
    let presses: KeyPress[] | undefined;
    const escape = this.pendingEscape;
    if (escape) {
      this.cancelEscape();
      const joined = isPlain(key) ? completeEscape(input) : undefined;
      if (joined) {
        this.items.push(joined.press);
        presses = joined.rest === '' ? [] : splitInput(joined.rest, key);
      } else {
        this.items.push(escape);
      }
    }
    const list = presses ?? splitInput(input, key);
    for (const [index, press] of list.entries()) {
      if (isInterrupt(press)) {
        this.clear();
        this.interrupt.current();
        return;
      }
      // Only an Escape that ends what Ink read can be the start of a sequence split by a slow link;
      // one followed by more keys in the same read is an Escape, in its place.
      if (isLoneEscape(press) && index === list.length - 1) {
        // Ink saw ESC alone for 20 ms; the rest of an arrow key may still be on its way.
        this.pendingEscape = press;
        this.escapeTimer = setTimeout(() => {
          this.cancelEscape();
          this.items.push(press);
          this.pump();
        }, escapeJoinMs);
        continue;
      }
      this.items.push(press);
    }
    this.pump();
  }

  private cancelEscape(): void {
    if (this.escapeTimer !== undefined) clearTimeout(this.escapeTimer);
    this.escapeTimer = undefined;
    this.pendingEscape = undefined;
  }

  paste(text: string): void {
    const escape = this.pendingEscape;
    if (escape) {
      // An Escape typed just before the paste comes first, as it was typed.
      this.cancelEscape();
      this.items.push(escape);
    }
    this.items.push({paste: text});
    this.pump();
  }

  hold(): void {
    this.held = true;
  }

  /** Lets the held keys go, once React has committed the screen they were held for. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.awaitingCommit = true;
    this.requestCommit.current();
  }

  clear(): void {
    this.items.length = 0;
    this.held = false;
    this.awaitingCommit = false;
    this.stopWaiting();
    this.cancelEscape();
  }

  /** A screen that takes keys re-rendered: a waiting key may be taken now. */
  committed(): void {
    if (this.wait !== undefined) this.schedule();
  }

  /** React committed the render that followed the last key: the next one may go. */
  afterKey(): void {
    if (!this.awaitingCommit) return;
    this.awaitingCommit = false;
    this.schedule();
  }

  /** Applies the next key now; the one after it comes once React has committed what it did. */
  private pump(): void {
    if (this.held || this.awaitingCommit) return;
    const item = this.coalesce();
    if (!item) return;
    if (this.deliver(item) === 'wait') {
      // The timer, not the clock, ends the wait: a timer may fire before Date.now() says its time
      // has come (its start was read from a loop time that lagged), and a key must not stay queued.
      this.wait ??= 'waiting';
      if (this.wait === 'waiting') {
        this.waitTimer ??= setTimeout(() => {
          this.waitTimer = undefined;
          this.wait = 'expired';
          this.schedule();
        }, maxWaitMs);
        return;
      }
    }
    this.stopWaiting();
    this.items.shift();
    // A burst of keys that compose (moves in a table) is applied at once: one frame, and one page
    // fetched, for 50 PgDn instead of 50.
    if (this.batchable(item)) {
      while (this.batchable(this.items[0]) && this.deliver(this.items[0]!) !== 'wait') this.items.shift();
    }
    // React renders later (its scheduler), not when a handler sets state: a render of the
    // provider, batched with whatever the key changed, says when that is done. Even with the
    // queue empty: the next key may come in this same chunk (after a paste, say).
    this.awaitingCommit = true;
    this.requestCommit.current();
  }

  /**
   * The next item; a run of typed characters becomes one when every active handler takes runs
   * (text fields): one render for a typed-ahead word instead of one per character.
   */
  private coalesce(): Item | undefined {
    const first = this.items[0];
    if (!first || !isText(first) || !this.registrations.every((each) => !each.active.current || each.runs.current)) return first;
    let end = 1;
    while (end < this.items.length && isText(this.items[end]!)) end += 1;
    if (end === 1) return first;
    const run = this.items.splice(0, end) as KeyPress[];
    const joined: KeyPress = {input: run.map((each) => each.input).join(''), key: first.key};
    this.items.unshift(joined);
    return joined;
  }

  /** Whether every active handler takes `item` along with the keys before it, before re-rendering. */
  private batchable(item: Item | undefined): item is KeyPress {
    if (!item || 'paste' in item) return false;
    const active = this.registrations.filter((each) => each.active.current);
    return active.length > 0 && active.every((each) => each.batches.current?.(item.input, item.key) === true);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Out of React's commit: a key handled inside a layout effect would nest updates.
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private stopWaiting(): void {
    this.wait = undefined;
    if (this.waitTimer !== undefined) clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
  }

  private deliver(item: Item): void | 'wait' {
    let outcome: void | 'wait' = undefined;
    for (const registration of [...this.registrations]) {
      if (!registration.active.current) continue;
      if ('paste' in item) registration.paste.current?.(item.paste);
      else if (registration.handler.current(item.input, item.key) === 'wait') outcome = 'wait';
    }
    return outcome;
  }
}

const KeyboardContext = createContext<KeyQueue | undefined>(undefined);

export interface KeyboardProviderProps {
  /** Ctrl-C, from anywhere. */
  onInterrupt(): void;
  children: ReactNode;
}

/** Reads the keyboard for everything below it (see the module comment). */
export function KeyboardProvider({onInterrupt, children}: KeyboardProviderProps) {
  const interrupt = useRef(onInterrupt);
  interrupt.current = onInterrupt;
  const [commits, setCommits] = useState(0);
  const requestCommit = useRef(() => setCommits((n) => n + 1));
  const queue = useRef<KeyQueue>(undefined);
  queue.current ??= new KeyQueue(interrupt, requestCommit);
  const keys = queue.current;
  useInput((input, key) => keys.take(input, key));
  usePaste((text) => keys.paste(text));
  // Runs after the layout effects of every screen below it in the same commit.
  useLayoutEffect(() => keys.afterKey(), [commits]);
  useEffect(() => () => keys.clear(), [keys]);
  return <KeyboardContext.Provider value={keys}>{children}</KeyboardContext.Provider>;
}

function useQueue(): KeyQueue {
  const keys = useContext(KeyboardContext);
  if (!keys) throw new Error('useKeys needs a KeyboardProvider above it');
  return keys;
}

export interface KeyOptions {
  /** Only active handlers get keys (default true). */
  isActive?: boolean;
  /** Pasted text (bracketed paste): text only, never keys. */
  onPaste?: (text: string) => void;
  /**
   * This handler takes a run of typed characters as one `input` and no character of it moves
   * the focus (a text field; a form that only reads Tab and arrows). Runs are given only when
   * every active handler takes them.
   */
  takesRuns?: boolean;
  /**
   * The keys this handler can take several of before the screen re-renders, because what they do
   * composes (actions of a reducer, not reads of what the screen shows): a burst of them is applied
   * at once, in order, and drawn as one frame.
   */
  batches?: (input: string, key: Key) => boolean;
}

/** Takes keys in order, after every earlier key has been applied (see the module comment). */
export function useKeys(handler: KeyHandler, {isActive = true, onPaste, takesRuns = false, batches}: KeyOptions = {}): void {
  const keys = useQueue();
  const handlerRef = useRef(handler);
  const pasteRef = useRef(onPaste);
  const activeRef = useRef(isActive);
  const runsRef = useRef(takesRuns);
  runsRef.current = takesRuns;
  const batchesRef = useRef(batches);
  batchesRef.current = batches;
  handlerRef.current = handler;
  pasteRef.current = onPaste;
  activeRef.current = isActive;
  useLayoutEffect(() => {
    const registration = {handler: handlerRef, paste: pasteRef, active: activeRef, runs: runsRef, batches: batchesRef};
    keys.registrations.push(registration);
    return () => {
      keys.registrations.splice(keys.registrations.indexOf(registration), 1);
    };
  }, [keys]);
  // After every commit of a screen that takes keys: a key waiting for it may go now.
  useLayoutEffect(() => keys.committed());
}

/** Parking the keys while the app works out which screen comes next. */
export interface Keyboard {
  hold(): void;
  release(): void;
  drop(): void;
}

export function useKeyboard(): Keyboard {
  const keys = useQueue();
  return {hold: () => keys.hold(), release: () => keys.release(), drop: () => keys.clear()};
}
