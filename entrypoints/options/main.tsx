/** Options: rules by group, tolerance policy, UI language, PDF interception; stored and validated with zod. */
import { render } from 'preact';
import { loadSettings, saveSettings, uiLang } from '../../components/ext/settings-store';
import { OptionsView, type SettingsPatch } from '../../components/OptionsView';
import { injectPageStyles } from '../../components/styles';
import { parseSettings } from '../../lib/settings';

injectPageStyles('body{margin:0;background:#f5f7fa}');

const root = document.getElementById('app')!;
let settings = await loadSettings();

function draw(saved = false): void {
  render(
    <OptionsView
      settings={settings}
      lang={uiLang(settings)}
      saved={saved}
      onChange={async (patch: SettingsPatch) => {
        // Merge into the latest settings at once, so that quick successive changes all stick.
        settings = parseSettings({ ...settings, ...patch, groups: { ...settings.groups, ...patch.groups } });
        const snapshot = settings;
        // The background follows storage changes (PDF interception included).
        await saveSettings(snapshot);
        draw(true);
      }}
    />,
    root,
  );
}
draw();
