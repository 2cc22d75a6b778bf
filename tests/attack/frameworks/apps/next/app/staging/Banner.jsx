'use client'

// A client component importing a settings file: the file is bundled into .next/static.
import settings from './settings.json'

export function Banner() {
  return <p title={settings.smartpay}>Staging</p>
}
