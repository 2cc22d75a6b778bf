// A CommonJS file (this folder's package.json says so) importing the ESM-only packages.
import { createPublicClient } from '@smartpay-kit/public-client'
import { createServerClient } from '@smartpay-kit/server-client'

export const clients = [createPublicClient, createServerClient]
