import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '@shared/app-schemas'
import { AccountStore } from '@main/storage/account-store'
import { fullDiskFs } from './storage-fakes'

const ACCOUNT: Account = {
  uuid: '7f0c2a52-8d1e-4c55-9a43-1b2c3d4e5f60',
  name: 'Ada Installer',
  email: 'ada@example.com',
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-account-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('AccountStore', () => {
  it('remembers the account across starts and forgets it on clear', async () => {
    expect(await new AccountStore(dir).load()).toBeNull()
    await new AccountStore(dir).save(ACCOUNT)
    expect(await new AccountStore(dir).load()).toEqual(ACCOUNT)
    await new AccountStore(dir).clear()
    expect(await new AccountStore(dir).load()).toBeNull()
    expect(await readdir(dir)).toEqual([])
    await expect(new AccountStore(dir).clear()).resolves.toBeUndefined()
  })

  it('writes only the account fields, never anything else the object carries', async () => {
    const store = new AccountStore(dir)
    await store.save({ ...ACCOUNT, token: 'secret-token-value' } as Account)
    const text = await readFile(store.path, 'utf8')
    expect(text).not.toContain('secret-token-value')
    expect(JSON.parse(text)).toEqual(ACCOUNT)
  })

  it('treats an unusable file as no account and keeps it aside', async () => {
    const store = new AccountStore(dir)
    await writeFile(store.path, JSON.stringify({ name: 'no uuid' }))
    expect(await store.load()).toBeNull()
    const names = await readdir(dir)
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/^account\.json\.corrupt-/)
  })

  it('says why it could not remember the account', async () => {
    await expect(new AccountStore(dir, { fs: fullDiskFs() }).save(ACCOUNT)).rejects.toMatchObject({
      code: 'account-write-failed',
      message: 'The signed-in account could not be remembered (the disk is full).',
    })
    expect(await readdir(dir)).toEqual([])
  })
})
