/**
 * L3 order books built from ITCH 5.0 order messages: {@link corezero.book.OrderBooks} takes decoded primitives
 * (no flyweights or strings) and keeps every order by reference number, in time priority within sorted price
 * levels, for every instrument; {@link corezero.book.BookView} reads one instrument's book. Fixed capacity,
 * allocation-free after construction, single-threaded (the hot thread), rejects reported as
 * {@link corezero.book.BookResult} codes and counted, never thrown.
 */
package corezero.book;
