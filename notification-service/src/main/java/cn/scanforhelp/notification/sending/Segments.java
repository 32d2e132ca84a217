package cn.scanforhelp.notification.sending;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into the short_message payloads of SMPP submit_sm in UCS-2 (data_coding 8).
 * One segment holds 70 UTF-16 units; a concatenated part 67, after a 6-byte UDH
 * ({@code 05 00 03 ref total seq}: IEI 0x00, 8-bit reference). A part never ends between the two
 * halves of a surrogate pair (an emoji), so each part decodes on its own.
 *
 * <p>Hand-written: jSMPP has no splitter that respects surrogate pairs, and the rule is a few lines.
 */
public final class Segments {

    public static final int SINGLE = 70;
    public static final int PART = 67;

    private Segments() {
    }

    /** How many segments the text needs. */
    public static int count(String text) {
        return split(text).size();
    }

    /** The text of each part (one element when it fits a single segment). */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text.length() <= SINGLE) {
            parts.add(text);
            return parts;
        }
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep the pair together in the next part
            }
            parts.add(text.substring(i, end));
            i = end;
        }
        return parts;
    }

    /** The short_message bytes of each part; {@code reference} identifies the message on the handset. */
    public static List<byte[]> encode(String text, int reference) {
        List<String> parts = split(text);
        List<byte[]> out = new ArrayList<>(parts.size());
        if (parts.size() == 1) {
            out.add(parts.get(0).getBytes(StandardCharsets.UTF_16BE));
            return out;
        }
        if (parts.size() > 255) {
            throw new IllegalArgumentException("message too long for concatenation");
        }
        for (int n = 0; n < parts.size(); n++) {
            byte[] body = parts.get(n).getBytes(StandardCharsets.UTF_16BE);
            byte[] pdu = new byte[6 + body.length];
            pdu[0] = 0x05;
            pdu[1] = 0x00;
            pdu[2] = 0x03;
            pdu[3] = (byte) reference;
            pdu[4] = (byte) parts.size();
            pdu[5] = (byte) (n + 1);
            System.arraycopy(body, 0, pdu, 6, body.length);
            out.add(pdu);
        }
        return out;
    }
}
