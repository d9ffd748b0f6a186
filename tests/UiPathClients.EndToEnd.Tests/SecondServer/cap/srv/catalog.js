const cds = require('@sap/cds')

module.exports = class CatalogService extends cds.ApplicationService {
  init() {
    const { Books } = this.entities

    this.on('order', Books, async req => {
      const { ID } = req.params[0]
      const { quantity } = req.data
      const book = await SELECT.one.from(Books, ID)
      if (!book) return req.reject(404, `Book ${ID} not found`)
      if (quantity < 1 || quantity > book.stock) return req.reject(400, `Cannot order ${quantity} of ${book.stock}`)
      await UPDATE(Books, ID).with({ stock: { '-=': quantity } })
      return SELECT.one.from(Books, ID)
    })

    this.on('priceWithTax', Books, async req => {
      const { ID } = req.params[0]
      const book = await SELECT.one.from(Books, ID)
      if ('rate' in req.data && req.data.rate === null) return req.reject(400, 'rate=null is not a rate; leave it out for the default')
      const rate = req.data.rate ?? 0.19
      return Math.round(Number(book.price) * (1 + Number(rate)) * 100) / 100
    })

    // Strict about optional parameters, as some services are: left out means the default, null is refused.
    this.on('cheapestBooks', async req => {
      if ('count' in req.data && req.data.count === null) return req.reject(400, 'count=null is not a count; leave it out for the default')
      const count = req.data.count ?? 3
      return SELECT.from(Books).orderBy('price asc').limit(count)
    })

    return super.init()
  }
}
