// The app's version, from package.json (its one home): Vite inlines this one field at build time.
export { version as APP_VERSION } from '../../../package.json'
