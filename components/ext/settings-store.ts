import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from '../../lib/settings';
import { browserLang, type Lang } from '../i18n';

const KEY = 'settings';

/** The reader's settings from extension storage, parsed (bad or missing fields take their defaults). */
export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(KEY);
    return parseSettings(got[KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: parseSettings(s) });
}

export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) cb(parseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function uiLang(s: Settings): Lang {
  return s.language === 'auto' ? browserLang() : s.language;
}
