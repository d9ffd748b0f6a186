namespace uipc.bookshop;

using { cuid, managed } from '@sap/cds/common';

entity Authors {
  key ID           : Integer;
      name         : String(111);
      placeOfBirth : String(111);
      books        : Association to many Books on books.author = $self;
}

entity Books {
  key ID       : Integer;
      title    : String(111);
      price    : Decimal(9, 2);
      stock    : Int64;
      author   : Association to Authors;
      reviews  : Composition of many Reviews on reviews.book = $self;
      @odata.etag
      modifiedAt : Timestamp @cds.on.insert: $now @cds.on.update: $now;
}

entity Reviews : cuid {
  book   : Association to Books;
  rating : Integer;
  text   : String(1000);
}
