/*
 * Tasklist's configuration for Produsoft Support Desk. It replaces the whole of Camunda 7.24's own
 * app/tasklist/scripts/config.js (our classes come first on the classpath), so it repeats that file's one active
 * setting, the keyboard shortcuts; TasklistLocaleTest fails if a shortcut of Camunda's file goes missing here.
 *
 * Camunda's "migrate to Camunda 8" banner has no setting here or anywhere in the webapp's configuration: see
 * docs/operations.md, "Camunda 7 Community Edition and its banner".
 */

// Tasklist shows a shortcut's description as written here, untranslated: it follows the language Tasklist
// itself chooses, the browser's first language when it is one of availableLocales.
const dutch = (navigator.languages?.[0] || navigator.language || '').toLowerCase().split('-')[0] === 'nl';
const say = (nl, en) => (dutch ? nl : en);

export default {
  locales: {
    availableLocales: ['nl', 'en'],
    fallbackLocale: 'en'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: say('claimt de gekozen taak', 'claims the currently selected task')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: say('zet de focus op de eerste filter in de lijst', 'sets the focus to the first filter in the list')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: say('zet de focus op de eerste taak in de lijst', 'sets the focus to the first task in the list')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: say('zet de focus op het eerste invulveld van het taakformulier',
          'sets the focus to the first input field in a task form')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: say('opent het venster om een proces te starten', 'opens the start process modal dialog')
    }
  }
};
