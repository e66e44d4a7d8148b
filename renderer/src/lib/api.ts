// The renderer's one door to main: the typed `api` and the state of the transport under it. Which transport
// is decided at build time by the `@transport` alias (renderer/tsconfig.json and the web preview's vite config):
// Electron's preload bridge in the desktop bundle, the loopback bridge in the web preview's.
import { connect } from '@transport'

const connection = connect()

export const api = connection.api
export const transport = connection.transport
export const { RefusedScreen, lostContactMessage } = connection
