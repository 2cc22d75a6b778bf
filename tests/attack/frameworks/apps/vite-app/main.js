document.title = 'Checkout'
