/**
 * Nasdaq OUCH 5.0 order entry: flyweight decoders over the host's outbound messages and the client's inbound ones,
 * encoders for the inbound messages, the TagValue options appendage ({@link corezero.ouch.OuchAppendageReader},
 * {@link corezero.ouch.OuchAppendageWriter}) and a dispatcher ({@link corezero.ouch.OuchDecoder}) that checks
 * lengths and appendage bounds without throwing or allocating. Every number is big-endian; prices are 8-byte
 * fixed-point longs with 4 implied decimals.
 */
package corezero.ouch;
