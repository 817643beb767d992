package corezero.itch.tools;

/**
 * What a capture reader saw besides the messages it handed on; printed in the dump's summary.
 */
public final class CaptureStats
{
    /** Capture format read: "BinaryFILE" or "pcap". */
    String format = "";
    /** BinaryFILE: the end-of-session marker (an empty message) was found. */
    boolean endOfSessionMarker;
    /** pcap: records read. */
    long frames;
    /** pcap: frames that were not IPv4/UDP (other ether types, protocols, IP fragments). */
    long skippedFrames;
    /** pcap: frames cut short by the capture's snap length, or whose IPv4/UDP lengths do not add up. */
    long truncatedFrames;
    /** pcap: UDP payloads read as MoldUDP64 packets. */
    long moldPackets;
    /** pcap: MoldUDP64 heartbeats. */
    long heartbeats;
    /** pcap: MoldUDP64 end-of-session packets. */
    long endOfSessionPackets;
    /** pcap: UDP payloads that are not well-formed MoldUDP64 packets (short header, block past the end). */
    long badMoldPackets;
}
