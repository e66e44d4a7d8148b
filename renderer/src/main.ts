// First: no schema may be built before zod is told not to probe for eval (see zod-jitless.ts).
import './transport/zod-jitless'
import { mount } from 'svelte'
import App from './App.svelte'
import './app.css'

const target = document.getElementById('app')
if (!target) throw new Error('The page has no #app element.')
mount(App, { target })
