/**
 * One key per answer. Every answer item of a step (the `Choice` component) marks itself with
 * `data-answer-item` and each of its options with the letter that records it
 * (`data-answer-key`); the wizard's key handler works on those marks alone, so an item added to
 * any step gets the keys without further code.
 */

const itemSelector = '[data-answer-item]';
const optionSelector = '[data-answer-key]';

/** Y for yes and N for no; otherwise the first letter of the label not already taken. */
export function optionKeys(options: readonly { value: string; label: string; key?: string }[]): string[] {
  const taken = new Set<string>();
  const preset = (o: { value: string; key?: string }): string | undefined => o.key ?? (o.value === 'yes' ? 'y' : o.value === 'no' ? 'n' : undefined);
  for (const o of options) {
    const k = preset(o);
    if (k) taken.add(k.toLowerCase());
  }
  return options.map((o) => {
    const k = preset(o);
    if (k) return k.toLowerCase();
    const letters = o.label.toLowerCase().replace(/[^a-z]/g, '');
    const free = [...letters].find((c) => !taken.has(c)) ?? '';
    taken.add(free);
    return free;
  });
}

/** The answer item that holds the focus, if any. */
export function focusedItem(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>(itemSelector) : null;
}

function itemsIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(itemSelector)];
}

/** Puts the focus on an item: on its recorded answer, or its first option; and brings it into view. */
export function focusItem(item: HTMLElement): void {
  const target = item.querySelector<HTMLElement>('[aria-pressed="true"]') ?? item.querySelector<HTMLElement>(optionSelector) ?? item.querySelector<HTMLElement>('button, input');
  target?.focus();
  item.scrollIntoView({ block: 'nearest' });
}

/** ↑ / ↓: the previous or next item of the step (from outside the items, ↓ enters at the first). */
export function moveItem(root: ParentNode, delta: 1 | -1): boolean {
  const items = itemsIn(root);
  if (items.length === 0) return false;
  const current = focusedItem();
  const at = current ? items.indexOf(current) : -1;
  const next = at < 0 ? (delta > 0 ? items[0] : items.at(-1)) : items[Math.min(items.length - 1, Math.max(0, at + delta))];
  if (!next) return false;
  focusItem(next);
  return true;
}

/** ← / →: the neighbouring option of the focused item. */
export function moveOption(delta: 1 | -1): boolean {
  const item = focusedItem();
  if (!item) return false;
  const options = [...item.querySelectorAll<HTMLElement>(optionSelector)];
  const at = options.findIndex((o) => o === document.activeElement);
  if (at < 0) return false;
  options[Math.min(options.length - 1, Math.max(0, at + delta))]?.focus();
  return true;
}

/**
 * A letter on the focused item: records the option it stands for and moves to the next item,
 * so a run of answers is one key each. False when the letter is not one of the item's.
 */
export function answerFocused(root: ParentNode, letter: string): boolean {
  const item = focusedItem();
  if (!item) return false;
  const option = [...item.querySelectorAll<HTMLElement>(optionSelector)].find((o) => o.dataset.answerKey === letter);
  if (!option) return false;
  option.click();
  const items = itemsIn(root);
  const next = items[items.indexOf(item) + 1];
  if (next) focusItem(next);
  else option.focus();
  return true;
}

/**
 * Finds the field of a finding on the open step ("feet.right.skin.callus"), or the nearest
 * enclosing one ("feet.right"), highlights it, focuses it without answering, and scrolls to it.
 */
export function revealFinding(root: ParentNode, path: string): HTMLElement | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    const field = root.querySelector<HTMLElement>(`[data-finding="${CSS.escape(candidate)}"]`);
    if (!field) continue;
    field.dataset.highlight = 'true';
    window.setTimeout(() => delete field.dataset.highlight, 4000);
    if (field.matches(itemSelector)) focusItem(field);
    else (field.querySelector<HTMLElement>('input, button, [tabindex="0"]') ?? field).focus({ preventScroll: true });
    field.scrollIntoView({ block: 'center' });
    return field;
  }
  return null;
}
