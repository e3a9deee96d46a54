// The widget's translation bundles register themselves on import and export nothing.
declare module "altcha/i18n/fr-fr";
