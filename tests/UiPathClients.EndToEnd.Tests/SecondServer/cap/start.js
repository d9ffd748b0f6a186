// Starts the service on loopback only, on a port the OS picks, and says where on stdout:
// cds' own `app.listen(port)` binds every interface, which a test machine must not do.
const cds = require('@sap/cds')
const express = require('express')
const http = require('http')

const app = express()
app.listen = port => {
  const server = http.createServer(app)
  server.listen(port, '127.0.0.1', () => {
    console.log(`UIPC-CAP-LISTENING http://127.0.0.1:${server.address().port}/`)
  })
  return server
}

cds.server({ app, port: 0, in_memory: true }).catch(error => {
  console.error(error)
  process.exit(1)
})
