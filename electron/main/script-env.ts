// The environment variables for scripts and tests (PLUGCHOICE_API_BASE, PLUGFLEET_USER_DATA, …) steer where
// the token goes and which keychain entry is read. A packaged, signed app must not obey them: any other
// process of the user could start it with a foreign API base, and the keychain (which trusts the signed app)
// would hand over the token without a prompt. So a packaged app sees none of them; development builds, the
// web preview and the tests do.

const SCRIPT_VARIABLE = /^(PLUGCHOICE|PLUGFLEET)_/

/** `env` without the script variables when the app is packaged; as it is otherwise. */
export function scriptEnv(env: NodeJS.ProcessEnv, isPackaged: boolean): NodeJS.ProcessEnv {
  if (!isPackaged) return env
  return Object.fromEntries(Object.entries(env).filter(([name]) => !SCRIPT_VARIABLE.test(name)))
}

/** The names a packaged app ignored, for one line in its log (values are never printed). */
export function ignoredScriptVariables(env: NodeJS.ProcessEnv, isPackaged: boolean): string[] {
  return isPackaged ? Object.keys(env).filter((name) => SCRIPT_VARIABLE.test(name)) : []
}
