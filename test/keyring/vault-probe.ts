// Runs the real TokenVault over the real KeytarSecretStore in a child process, so a test can put it in an
// environment of its choosing (no D-Bus session; a private keyring that gets locked) and look at the result.
//   no-keychain: save and load with whatever keychain the environment offers (none, in the test)
//   locked:      save a token, lock the default collection over D-Bus, then save another one
// The token comes in PLUGFLEET_PROBE_TOKEN; one JSON line goes out: { status, loaded, afterClear }.
import { execFileSync } from 'node:child_process'
import { KeytarSecretStore } from '@main/secrets/keytar-secret-store'
import { TokenVault } from '@main/secrets/token-vault'

const mode = process.argv[2]
const token = process.env.PLUGFLEET_PROBE_TOKEN
if (!token || (mode !== 'no-keychain' && mode !== 'locked')) {
  console.error('usage: PLUGFLEET_PROBE_TOKEN=... vault-probe.ts no-keychain|locked')
  process.exit(64)
}

function lockDefaultCollection(): void {
  execFileSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/aliases/default',
  ])
}

const store = new KeytarSecretStore()
if (mode === 'locked') {
  await store.set('an-older-token-saved-before-the-lock')
  lockDefaultCollection()
}
const vault = new TokenVault(store)
await vault.save(token)
const loaded = await vault.load()
const status = vault.status()
await vault.clear()
const afterClear = await vault.load()
console.log(JSON.stringify({ status, loaded, afterClear }))
