import type { PropsWithChildren } from 'react'
import './app.css'

/** Every page renders inside <Page>, which carries care mode, font scale and the help bar. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
