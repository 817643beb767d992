/**
 * Our own orders on one OUCH 5.0 port and what they did: {@link corezero.order.Orders} keeps every live order in
 * pre-allocated struct-of-arrays pools, allocates UserRefNums (strictly increasing, never reused), drives the
 * order state machine from venue events given as primitives (independent of the wire codecs) and keeps open
 * orders and open quantity per strategy slot and per stock locate; {@link corezero.order.Positions} turns fills
 * into signed positions, average cost and realized / unrealized P&amp;L in fixed point. Fixed capacity,
 * allocation-free after construction, single-threaded (the hot thread); rejects are
 * {@link corezero.order.OrderResult} codes, counted per kind, never thrown.
 */
package corezero.order;
