// The Plugchoice web app: the only site Plugchoice Fleet ever opens in the user's browser.
export const PLUGCHOICE_WEB_HOST = 'app.plugchoice.com'

/** A charger's page in the Plugchoice web app (the URL form an existing open-source client uses). */
export function chargerWebUrl(id: number): string {
  return `https://${PLUGCHOICE_WEB_HOST}/chargers/${encodeURIComponent(String(id))}`
}
