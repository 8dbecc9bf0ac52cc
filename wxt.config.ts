import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'BudgetLens 预算透镜',
    description: 'Checks Chinese government budget disclosures for internal consistency, on the page and in PDFs.',
  },
});
