// The same app with the client whose key is parsed at import (the control).
import { smartpay } from './smartpayEager.js'

export const home = { render: () => `<!doctype html><p>${typeof smartpay.orders}</p>` }
