/**
 * Command-line tools over the ITCH decoders: {@link corezero.itch.tools.ItchDump} prints the messages of a
 * NASDAQ BinaryFILE or of a pcap capture of a MoldUDP64 feed. Control path only: these allocate freely.
 */
package corezero.itch.tools;
