package cn.scanforhelp.cases.investigation;

import java.util.Arrays;
import java.util.Optional;

/** The attachment types accepted, recognised by their first bytes (magic numbers), not by what the client says. */
public enum AttachmentTypes {
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    public final String mediaType;
    private final byte[] magic;

    AttachmentTypes(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    /** The type the content's first bytes show, if it is one accepted. */
    public static Optional<AttachmentTypes> sniff(byte[] content) {
        return Arrays.stream(values()).filter(t -> content.length >= t.magic.length
                && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).findFirst();
    }

    /** The accepted media types, for messages. */
    public static String names() {
        return "JPEG、PNG、PDF";
    }
}
