using { uipc.bookshop as db } from '../db/schema';

service CatalogService @(path: '/odata/v4/catalog') {
  entity Authors as projection on db.Authors;
  entity Books   as projection on db.Books actions {
    action   order(quantity : Integer)       returns Books;
    function priceWithTax(@Core.OptionalParameter: { DefaultValue: '0.19' } rate : Decimal(4, 2)) returns Decimal(11, 2);
  };
  entity Reviews as projection on db.Reviews;
  function cheapestBooks(@Core.OptionalParameter: { DefaultValue: '3' } count : Integer) returns many Books;
}
