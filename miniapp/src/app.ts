import type { PropsWithChildren } from 'react'
import { z } from 'zod'
import './app.css'

// zod would probe for eval (new Function) to compile faster parsers; the H5 page's Content-Security-Policy
// refuses eval, and the mini-program runtime has none either. Tell zod up front instead of letting it probe.
z.config({ jitless: true })

/** Every page renders inside <Page>, which carries care mode, font scale and the help bar. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
