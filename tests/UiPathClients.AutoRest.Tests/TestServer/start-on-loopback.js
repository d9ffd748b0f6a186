// Starts the AutoRest test server on 127.0.0.1 only, on a port the OS picks, and says where on stdout.
// The package's own server calls `app.listen(port)`, which binds every interface; a test machine must not
// expose it, so a numeric listen() is pinned to loopback here before the package is loaded.
const net = require('net')
const path = require('path')

const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] !== 'number') {
    return listen.apply(this, args)
  }
  const onListening = typeof args[args.length - 1] === 'function' ? args.pop() : undefined
  return listen.call(this, args[0], '127.0.0.1', () => {
    console.log(`UIPC-AUTOREST-LISTENING http://127.0.0.1:${this.address().port}/`)
    if (onListening) onListening()
  })
}

const { ApiMockApp } = require('@microsoft.azure/autorest.testserver/dist/app')
new ApiMockApp({ port: 0, coverageDirectory: path.join(__dirname, 'coverage'), appendCoverage: false })
  .start()
  .catch(error => {
    console.error(error)
    process.exit(1)
  })
