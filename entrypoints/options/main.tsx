/** Options: rules by group, tolerance policy, UI language, PDF interception; stored and validated with zod. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings, uiLang } from '../../components/ext/settings-store';
import { OptionsView } from '../../components/OptionsView';
import { STYLES } from '../../components/styles';
import type { Settings } from '../../lib/settings';

const style = document.createElement('style');
style.textContent = STYLES.replace(':host { all: initial; }', '') + 'body{margin:0;background:#f5f7fa}';
document.head.appendChild(style);

const root = document.getElementById('app')!;
let settings = await loadSettings();

function draw(saved = false): void {
  render(
    <OptionsView
      settings={settings}
      lang={uiLang(settings)}
      saved={saved}
      onChange={async (next: Settings) => {
        settings = next;
        await saveSettings(next);
        if (next.interceptPdf !== undefined) await browser.runtime.sendMessage({ type: 'bl:intercept', on: next.interceptPdf }).catch(() => undefined);
        draw(true);
      }}
    />,
    root,
  );
}
draw();
